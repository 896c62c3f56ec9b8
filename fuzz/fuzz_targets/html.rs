//! Fuzzes the html reader and its source map: any UTF-8 input parses, its claims are
//! extracted, and every claim and link maps back inside the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    claimcheck_fuzz::check_document(source, claimcheck_core::Format::Html);
});
