//! Integration tests of claimcheck-geo: geodesy against GeodTest, borders, name resolution,
//! and the bundled data against its manifest.

mod borders;
mod data;
mod geodtest;
mod resolve;
