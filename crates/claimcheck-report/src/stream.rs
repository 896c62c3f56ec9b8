//! Writing a report as it is made. The SARIF, GitLab and reviewdog reports were a tree of
//! `serde_json::Value`s, one object a finding, built whole and then written: a batch of 2,000
//! articles took 550 MB for its SARIF report, fifteen times the report's own size. Here each
//! finding's object is made, written and dropped in turn, in the same layout ([`Stream`]); the
//! reports made as text go out a megabyte at a time ([`write_if_long`]); and a report's string
//! form is what its writer writes into memory ([`to_string`]).

use std::cell::RefCell;
use std::io::{self, Write};

use serde::{Serialize, Serializer};

/// A JSON array of what `items` gives, made as it is written. It can be written once.
pub(crate) struct Stream<I>(RefCell<Option<I>>);

impl<I> Stream<I> {
    pub(crate) fn new(items: I) -> Self {
        Stream(RefCell::new(Some(items)))
    }
}

impl<I, T> Serialize for Stream<I>
where
    I: Iterator<Item = T>,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| serde::ser::Error::custom("a stream is written once"))?;
        serializer.collect_seq(items)
    }
}

/// Writes `out` to `sink` and empties it once it holds a megabyte: the reports made as text
/// (HTML, JUnit, Markdown, concise) are written in such parts, so that a document of hundreds
/// of thousands of claims is never held whole (2 MB of figures alone made an HTML page that
/// peaked at 785 MB).
pub(crate) fn write_if_long(out: &mut String, sink: &mut dyn Write) -> io::Result<()> {
    if out.len() >= 1 << 20 {
        sink.write_all(out.as_bytes())?;
        out.clear();
    }
    Ok(())
}

/// `value` as indented JSON, as `serde_json::to_string_pretty` lays it out, and a newline.
pub(crate) fn write_pretty(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// What `write` writes, as a string. Every report is written as UTF-8 into memory here, so
/// neither step can fail.
pub(crate) fn to_string(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("a report is written to memory");
    String::from_utf8(out).expect("a report is UTF-8")
}
