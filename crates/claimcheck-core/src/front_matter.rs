//! YAML front matter at the top of a Markdown file: its extent and its top-level scalar keys.
//!
//! Only the keys claimcheck reads (`date`, `title`) matter, so a line-based reading of
//! top-level `key: value` pairs is enough; nested values and lists are passed over.

/// The front matter of `source`: the byte length it occupies (including both `---` lines) and
/// its top-level `key: value` pairs. `None` when the file does not start with one.
pub(crate) fn split(source: &str) -> Option<(usize, Vec<(String, String)>)> {
    let body = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))?;
    let open = source.len() - body.len();
    let mut pos = open;
    let mut pairs = Vec::new();
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        pos += line.len();
        if content == "---" || content == "..." {
            return Some((pos, pairs));
        }
        if content.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        if let Some((key, value)) = content.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            pairs.push((key.trim().to_string(), value.to_string()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_top_level_keys() {
        let src = "---\ntitle: \"Summit: a plan\"\ndate: 2023-09-12\ntags:\n  - a\n---\nBody\n";
        let (len, pairs) = split(src).expect("front matter");
        assert_eq!(&src[len..], "Body\n");
        assert_eq!(pairs[0], ("title".into(), "Summit: a plan".into()));
        assert_eq!(pairs[1], ("date".into(), "2023-09-12".into()));
        assert!(split("---\nunterminated\n").is_none());
        assert!(split("no front matter").is_none());
    }
}
