//! Bytes read eight at a time, as the lanes of a `u64` (SWAR): a class of bytes is tested in
//! every lane at once, each lane's top bit saying whether its byte is of the class, and the
//! eight top bits are then gathered into a byte of a mask, a bit a byte. The number finder
//! reads the whole text in blocks of 64 bytes so, where a loop a byte mispredicted a branch at
//! each word's start and end.

const ONES: u64 = 0x0101_0101_0101_0101;
const TOPS: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// The lanes of `x` above `m` and below `n` (both within 0..=128), as top bits; a byte beyond
/// ASCII is in none. No lane borrows from the next.
#[inline]
pub(crate) fn between(x: u64, m: u8, n: u8) -> u64 {
    let low = x & LOW7;
    (ONES * (127 + u64::from(n))).wrapping_sub(low)
        & !x
        & (low + ONES * (127 - u64::from(m)))
        & TOPS
}

/// The lanes of `x` that hold `b`, as top bits.
#[inline]
pub(crate) fn equal(x: u64, b: u8) -> u64 {
    let t = x ^ (ONES * u64::from(b));
    !(((t & LOW7) + LOW7) | t | LOW7) & TOPS
}

/// The ASCII letters among the lanes of `x`, as top bits.
#[inline]
pub(crate) fn letters(x: u64) -> u64 {
    between(x | (ONES * 0x20), 0x60, 0x7b)
}

/// The ASCII digits among the lanes of `x`, as top bits.
#[inline]
pub(crate) fn digits(x: u64) -> u64 {
    between(x, 0x2f, 0x3a)
}

/// The lanes of `x` that hold the first byte of a character beyond ASCII, as top bits.
#[inline]
pub(crate) fn leads(x: u64) -> u64 {
    x & (x << 1) & TOPS
}

/// The eight top bits of `tops`, gathered into the low byte in lane order.
#[inline]
pub(crate) fn gather(tops: u64) -> u64 {
    ((tops >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Calls `lane` with each eight bytes of the block of 64 bytes of `bytes` from `base` (fewer at
/// the end, the last lane filled out with zero bytes) and the bit its first byte takes in the
/// block's masks.
#[inline]
pub(crate) fn each_lane(bytes: &[u8], base: usize, mut lane: impl FnMut(u64, usize)) {
    let block = &bytes[base..bytes.len().min(base + 64)];
    let mut chunks = block.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        lane(
            u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
            8 * k,
        );
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        lane(u64::from_le_bytes(last), block.len() - tail.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each lane's classes are its byte's, for every byte in every lane among other bytes.
    #[test]
    fn lanes_are_classed_as_their_bytes() {
        for b in 0..=u8::MAX {
            for lane in 0..8 {
                for fill in [
                    0u8, b'a', b'Z', b'.', b' ', 0x80, 0xff, b'_', b'9', b'@', 0x0e,
                ] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let x = u64::from_le_bytes(bytes);
                    let bit = |tops: u64| {
                        let m = gather(tops);
                        assert!(m < 256);
                        m >> lane & 1 == 1
                    };
                    assert_eq!(bit(letters(x)), b.is_ascii_alphabetic(), "{b:#x} in {lane}");
                    assert_eq!(bit(digits(x)), b.is_ascii_digit(), "{b:#x} in {lane}");
                    assert_eq!(bit(leads(x)), b >= 0xc0, "{b:#x} in lane {lane}");
                    assert_eq!(bit(equal(x, b'_')), b == b'_', "{b:#x} in lane {lane}");
                    assert_eq!(bit(equal(x, 0xe2)), b == 0xe2, "{b:#x} in lane {lane}");
                }
            }
        }
    }

    /// Every lane of a block is read once, at its bit, the last filled out with zero bytes.
    #[test]
    fn each_lane_reads_the_block() {
        let bytes: Vec<u8> = (0..150u8).collect();
        for base in [0, 64, 128] {
            let mut seen = Vec::new();
            each_lane(&bytes, base, |x, bit| {
                for (k, b) in x.to_le_bytes().into_iter().enumerate() {
                    if base + bit + k < bytes.len() {
                        seen.push(b);
                    } else {
                        assert_eq!(b, 0);
                    }
                }
            });
            assert_eq!(seen, bytes[base..bytes.len().min(base + 64)]);
        }
    }
}
