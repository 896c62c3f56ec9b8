//! The shared vocabulary of claimcheck: documents with their source maps, claims, evidence and
//! verdicts. Nothing here does IO: a document is parsed from a string the caller has read.
//!
//! ```
//! use claimcheck_core::{Document, Format};
//! let doc = Document::parse("a.md", "# Title\n\nIt opened on *Monday*.\n".to_string(), Format::Markdown);
//! let at = doc.text.find("Monday").unwrap();
//! let span = doc.file_span(claimcheck_core::Span::new(at, at + 6));
//! assert_eq!((span.line, span.column), (3, 15));
//! ```

mod calendar;
mod claim;
mod document;
mod front_matter;
pub mod furniture;
#[doc(hidden)]
pub mod generated;
mod html;
mod markdown;
mod prefetch;
mod source;
mod source_map;
mod span;
mod suppression;
mod verdict;

pub use calendar::{CalendarDate, Precision, month_name};
pub use claim::{
    AttributionDetails, Claim, ClaimKind, Comparator, DateDetails, Details, DistanceDetails, Mode,
    QuantityDetails, Relation, UnitScale, YearSource,
};
pub use document::{Document, Format, Link};
pub use prefetch::{READ_AHEAD, prefetch};
pub use source::{SourceOutcome, SourceText, Sources};
pub use source_map::{SourceMap, SourceMapBuilder, line_starts};
pub use span::{FileSpan, Span};
pub use suppression::{Directive, DirectiveKind, Suppression, Suppressions};
pub use verdict::{CheckedClaim, Evidence, Status, Verdict};
