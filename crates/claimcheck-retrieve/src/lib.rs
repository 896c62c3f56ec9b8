//! Everything claimcheck reads from outside: the articles under review now; cited sources, the
//! local corpus and bundled knowledge as they arrive. It is the only crate that does IO.

mod article;

pub use article::{LoadError, load_article, load_stdin};
