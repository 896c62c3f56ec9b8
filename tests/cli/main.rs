//! Integration tests of the `claimcheck` binary: the real executable on fixture articles.

mod check;
mod distance;
mod editorial;
mod errors;
mod events;
mod hostile;
mod reference;
mod sources;
mod support;
