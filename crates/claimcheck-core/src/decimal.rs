//! Unsigned integers in decimal without the formatting machinery, for numbers written once per
//! claim or finding (claim ids, fingerprint occurrences), where `format!` showed in profiles.

/// `n` in decimal, as `n.to_string()` writes it, in `buf`.
pub fn decimal(n: usize, buf: &mut [u8; 20]) -> &str {
    std::str::from_utf8(decimal_bytes(n, buf)).expect("ASCII digits")
}

/// [`decimal`]'s digits as bytes, for a caller writing bytes: the six numbers of each claim's
/// span in a `json-lines` line need no UTF-8 check.
pub fn decimal_bytes(n: usize, buf: &mut [u8; 20]) -> &[u8] {
    // usize::MAX has 20 decimal digits.
    let mut at = buf.len();
    let mut rest = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    &buf[at..]
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_what_to_string_writes() {
        let mut buf = [0u8; 20];
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(super::decimal(n, &mut buf), n.to_string());
            assert_eq!(super::decimal_bytes(n, &mut buf), n.to_string().as_bytes());
        }
    }
}
