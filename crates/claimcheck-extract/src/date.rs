//! (in progress)
use claimcheck_core::Claim;
pub fn extract_dates(_text: &str, _published: Option<jiff::civil::Date>) -> Vec<Claim> { Vec::new() }
