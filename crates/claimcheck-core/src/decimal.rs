//! Unsigned integers in decimal without the formatting machinery, for numbers written once per
//! claim or finding (claim ids, fingerprint occurrences), where `format!` showed in profiles.

/// `n` in decimal, as `n.to_string()` writes it, in `buf`.
pub fn decimal(n: usize, buf: &mut [u8; 20]) -> &str {
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
    std::str::from_utf8(&buf[at..]).expect("ASCII digits")
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_what_to_string_writes() {
        let mut buf = [0u8; 20];
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(super::decimal(n, &mut buf), n.to_string());
        }
    }
}
