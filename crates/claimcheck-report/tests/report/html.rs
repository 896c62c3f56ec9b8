//! The HTML review report, rendered in headless Chromium: after its script has run, the DOM
//! holds every claim, and the screenshot is a real picture. The screenshot is left at
//! `target/tmp/html-report/review.png` for a person to look at.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use claimcheck_report::{OutputFormat, RenderOptions, render};

use crate::fixture;
use crate::tools::{chromium, run_with_limit, scratch};

fn browser(dir: &Path, profile: &str) -> Command {
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ])
    .arg(format!("--user-data-dir={}", dir.join(profile).display()));
    cmd
}

/// PNG width and height from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "the screenshot is a PNG"
    );
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn renders_in_headless_chromium_with_every_claim() {
    let run = fixture::run();
    let dir = scratch("html-report");
    let page = dir.join("review.html");
    std::fs::write(
        &page,
        render(OutputFormat::Html, &run, &RenderOptions::default()),
    )
    .expect("the scratch dir is writable");
    let url = format!("file://{}", page.display());

    let dom = run_with_limit(
        browser(&dir, "profile-dom")
            .arg("--virtual-time-budget=3000")
            .arg("--dump-dom")
            .arg(&url),
        Duration::from_secs(120),
    );
    assert!(
        dom.status.success(),
        "chromium --dump-dom failed: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    // The script ran: it marks the root and fills in the count.
    assert!(
        dom.contains("<html lang=\"en\" class=\"js\">"),
        "the script ran"
    );
    assert!(
        dom.contains("all 11 claims shown"),
        "the filter count is filled in"
    );
    for (doc, d) in run.documents.iter().enumerate() {
        for f in &d.findings {
            let id = format!("d{doc}-{}", f.claim.id);
            assert!(
                dom.contains(&format!("id=\"{id}\"")),
                "card {id} is in the DOM"
            );
            assert!(
                dom.contains(&format!("data-claim=\"{}\"", f.claim.id)),
                "claim {} is in the DOM",
                f.claim.id
            );
            assert!(
                dom.contains(&format!("id=\"m-{id}\"")),
                "mark for {id} is in the DOM"
            );
        }
    }
    // Two distance claims, two maps.
    assert_eq!(dom.matches("<figure class=\"map\">").count(), 2);

    let png = dir.join("review.png");
    let shot = run_with_limit(
        browser(&dir, "profile-shot")
            .arg("--virtual-time-budget=3000")
            .arg(format!("--screenshot={}", png.display()))
            .arg("--window-size=1280,1600")
            .arg(&url),
        Duration::from_secs(120),
    );
    assert!(
        shot.status.success(),
        "chromium --screenshot failed: {}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert_eq!(png_size(&bytes), (1280, 1600));
    // A blank page compresses to a few kilobytes; the report has text, colour and maps.
    assert!(
        bytes.len() > 60_000,
        "the screenshot has content ({} bytes)",
        bytes.len()
    );
}

#[test]
fn is_self_contained_and_escapes_the_article() {
    let html = render(
        OutputFormat::Html,
        &fixture::run(),
        &RenderOptions::default(),
    );
    // No remote assets: nothing is loaded from elsewhere (links to evidence are fine).
    for needle in ["<link", "src=\"http", "url(http", "@import", "<img"] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    // Markup in the article is shown as text.
    assert!(!html.contains("<b>bulletin</b>"));
    // The nested date inside the resident's quote is its own highlight within the quote.
    let outer = html.find("id=\"m-d0-c7\"").expect("the quote is marked");
    let inner = html.find("id=\"m-d0-c8\"").expect("the date is marked");
    assert!(outer < inner);
    // Hostile links are not made clickable.
    let mut run = fixture::run();
    if let Some(v) = &mut run.documents[0].findings[0].verdict {
        v.evidence[0].url = Some("javascript:alert(1)".to_string());
    }
    let html = render(OutputFormat::Html, &run, &RenderOptions::default());
    assert!(!html.contains("href=\"javascript:"));
}
