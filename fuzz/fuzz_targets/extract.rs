//! Fuzzes the extractors on plain text: any UTF-8 text gives claims in order whose spans
//! stand inside it. The first byte chooses whether a publication date anchors the dates.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let published = (first & 1 == 1).then(|| jiff::civil::date(2024, 3, 6));
    claimcheck_fuzz::check_text(text, published);
});
