//! Integration tests of the `claimcheck` binary: the real executable on fixture articles.

mod check;
mod distance;
mod errors;
mod support;
