//! GitHub workflow commands: each line a valid `::level props::message` command, messages and
//! properties escaped as the Actions toolkit does, errors first, and the per-step limit kept.

use claimcheck_report::{OutputFormat, RenderOptions, Run, render};

use crate::fixture;

/// A parsed workflow command: its name, its properties and its message, unescaped.
#[derive(Debug)]
struct Command {
    name: String,
    props: Vec<(String, String)>,
    message: String,
}

fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// Parses one line as GitHub's runner does, failing on anything it would not accept.
fn parse(line: &str) -> Command {
    let rest = line
        .strip_prefix("::")
        .unwrap_or_else(|| panic!("a command starts with '::': {line}"));
    let (head, message) = rest
        .split_once("::")
        .unwrap_or_else(|| panic!("a command has a '::' before its message: {line}"));
    let (name, props) = head.split_once(' ').unwrap_or((head, ""));
    assert!(
        ["error", "warning", "notice"].contains(&name),
        "an annotation command: {line}"
    );
    // An escaped message holds no raw line break, and no raw '%' that is not an escape.
    assert!(!message.contains(['\n', '\r']));
    for (i, c) in message.char_indices() {
        if c == '%' {
            let code = &message[i + 1..(i + 3).min(message.len())];
            assert!(
                ["25", "0D", "0A", "3A", "2C"].contains(&code),
                "bare % in {line}"
            );
        }
    }
    let props = if props.is_empty() {
        Vec::new()
    } else {
        props
            .split(',')
            .map(|p| {
                let (k, v) = p
                    .split_once('=')
                    .unwrap_or_else(|| panic!("a property is key=value: {p} in {line}"));
                assert!(
                    !v.contains(':'),
                    "':' in a property value is escaped: {line}"
                );
                (k.to_string(), unescape(v))
            })
            .collect()
    };
    Command {
        name: name.to_string(),
        props,
        message: unescape(message),
    }
}

fn prop<'a>(c: &'a Command, key: &str) -> Option<&'a str> {
    c.props
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn lines_are_valid_escaped_commands_errors_first() {
    let text = render(
        OutputFormat::Github,
        &fixture::run(),
        &RenderOptions::default(),
    );
    let commands: Vec<Command> = text.lines().map(parse).collect();
    assert_eq!(commands.len(), 7, "{text}");
    let order: Vec<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        order,
        [
            "error", "error", "error", "warning", "warning", "notice", "notice"
        ]
    );
    // The contradicted distance's message has '%', ':' and ',' and a line break.
    let distance = commands
        .iter()
        .find(|c| prop(c, "title") == Some("claimcheck distance.contradicted"))
        .expect("the contradicted distance is annotated");
    assert!(distance.message.starts_with(
        "Lyon is 392 km from Paris; the claim says about 150 km, but the distance is 392 km (161% off).\nA road distance"
    ));
    assert!(text.contains("(161%25 off).%0AA road distance would be longer still: check"));
    assert_eq!(prop(distance, "line"), Some("14"));
    assert_eq!(prop(distance, "col"), Some("1"));
    // The path with a comma is one property value, escaped.
    assert!(text.contains("file=notes/brief%2C draft.txt,"));
    let note = commands
        .iter()
        .find(|c| prop(c, "file") == Some("notes/brief, draft.txt"))
        .expect("the note's finding is annotated");
    assert!(
        note.message
            .contains("100% of the words are missing, searched: desk notes, wire")
    );
    assert_eq!(prop(note, "title"), Some("claimcheck quote.not-found"));
}

#[test]
fn keeps_within_the_per_level_limit_and_says_what_it_left_out() {
    // Twelve copies of the article: 36 errors, 12 warnings, 24 notices.
    let one = fixture::article();
    let run = Run {
        documents: (0..12)
            .map(|i| {
                let mut d = one.clone();
                d.document.path = format!("content/{i:02}.md");
                d
            })
            .collect(),
        verified: true,
        ..Run::default()
    };
    let text = render(OutputFormat::Github, &run, &RenderOptions::default());
    let commands: Vec<Command> = text.lines().map(parse).collect();
    let count = |name: &str| commands.iter().filter(|c| c.name == name).count();
    assert_eq!(count("error"), 10);
    assert_eq!(count("warning"), 10);
    // Nine notices and the closing one: GitHub shows ten notices per step.
    assert_eq!(count("notice"), 10);
    let last = commands.last().expect("there are commands");
    assert_eq!(last.name, "notice");
    assert!(last.props.iter().all(|(k, _)| k != "file"));
    // 26 errors, 2 warnings and 15 notices are not shown.
    assert!(
        last.message
            .starts_with("claimcheck: 43 more findings not annotated"),
        "{}",
        last.message
    );
    assert!(last.message.contains("--report markdown=PATH"));
    // Errors come first: the first ten lines are errors, in path order.
    assert!(commands[..10].iter().all(|c| c.name == "error"));
    assert_eq!(prop(&commands[0], "file"), Some("content/00.md"));
}

#[test]
fn a_limit_can_be_set() {
    let options = RenderOptions {
        github_limit: Some(1),
        ..RenderOptions::default()
    };
    let text = render(OutputFormat::Github, &fixture::run(), &options);
    let commands: Vec<Command> = text.lines().map(parse).collect();
    let names: Vec<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["error", "warning", "notice"]);
    assert!(
        commands[2]
            .message
            .starts_with("claimcheck: 5 more findings")
    );
}
