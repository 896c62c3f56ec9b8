//! Asking for memory a loop will need a few items from now.

/// How many items ahead a loop over a long text's claims, matches or trigger words asks for
/// the memory of the item it will read then.
pub const READ_AHEAD: usize = 8;

/// Asks the processor to bring the cache line of `data[index]` in, without waiting for it; no
/// effect where `index` is out of bounds (nothing is read).
///
/// A loop that goes through a long text's claims (or a pattern's matches, or a list of trigger
/// words' places) reads, for each, a place of the text or of the heap that it last touched long
/// before: at 10 MB of text the first of those reads was a miss of the processor's caches and
/// the loop stood waiting on it. Asking for the place of the item [`READ_AHEAD`] on lets the
/// line arrive while the items before it are read. The prefetch instruction needs `unsafe`,
/// which this workspace forbids: `prefetch-index` wraps it.
#[inline(always)]
pub fn prefetch<T>(data: &[T], index: usize) {
    prefetch_index::prefetch_index(data, index);
}
