//! (in progress)
use claimcheck_core::Claim;
pub fn extract_distances(_text: &str) -> Vec<Claim> { Vec::new() }
