//! Reading memory a loop is about to need, a few dozen places at once.

/// How many items ahead a loop over a long text's claims or matches reads with [`read_ahead`].
pub const READ_AHEAD: usize = 32;

/// Loads each of `bytes` and keeps the result from being optimised away.
///
/// A loop that goes through a long text's claims (or a pattern's matches) reads, for each, a
/// place of the text or of the heap that it last touched long before: at 10 MB of text the
/// first of those reads was a miss of the processor's caches and the loop stood waiting on it.
/// Loads that do not depend on each other are waited for together, so reading the places of
/// the next few dozen items at once costs about one wait instead of one each. A prefetch
/// instruction would do the same without the loads; the standard library has none that is safe
/// to call, and this workspace forbids `unsafe`.
pub fn read_ahead(bytes: impl Iterator<Item = u8>) {
    std::hint::black_box(bytes.fold(0u8, |acc, b| acc ^ b));
}

/// The first byte of `s`, or 0: one load of where a string's bytes live.
pub fn first_byte(s: &str) -> u8 {
    s.as_bytes().first().copied().unwrap_or(0)
}
