//! (in progress)
use claimcheck_core::Claim;
pub fn extract_quantities(_text: &str) -> Vec<Claim> { Vec::new() }
