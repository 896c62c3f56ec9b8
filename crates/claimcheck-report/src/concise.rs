//! The concise format: one line per claim, `path:line:col: verdict[rule] explanation`, for grep,
//! editors' error lists and reviewdog's `-efm='%f:%l:%c: %m'`.

use std::fmt::Write as _;

use crate::location::Location;
use crate::stream::write_if_long;
use crate::text::{message, verdict_word};
use crate::{Run, display_path};

/// The concise report, written to `sink` a megabyte or so at a time.
pub(crate) fn write_concise(run: &Run, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = String::new();
    for d in &run.documents {
        let path = display_path(&d.document.path);
        for f in &d.findings {
            let at = Location::of(d, f);
            // A message must stay on its line, or the line-oriented readers lose the rest.
            let text = message(f).replace(['\r', '\n'], " ");
            let _ = writeln!(
                out,
                "{path}:{}:{}: {}[{}] {text}",
                at.line(),
                at.column(),
                verdict_word(f),
                f.rule_id()
            );
            write_if_long(&mut out, sink)?;
        }
    }
    sink.write_all(out.as_bytes())
}
