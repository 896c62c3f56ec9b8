//! (in progress)
use claimcheck_core::Claim;
pub fn extract_attributions(_text: &str) -> Vec<Claim> { Vec::new() }
