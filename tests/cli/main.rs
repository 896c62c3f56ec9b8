//! Integration tests of the `claimcheck` binary: the real executable on fixture articles.

mod check;
mod errors;
mod support;
