//! Fetching cited sources over HTTP, and each way a source can fail.

use std::io::Write;
use std::time::{Duration, Instant};

use claimcheck_core::SourceOutcome;
use claimcheck_retrieve::{FetchOptions, Fetcher};

use crate::server::{Reply, Server};
use crate::{available, fixture, options, reason, temp_dir};

fn fetch_one(options: FetchOptions, url: &str) -> SourceOutcome {
    let fetcher = Fetcher::new(options).expect("fetcher");
    fetcher
        .fetch_all(&[url.to_string()])
        .pop()
        .expect("one outcome per URL")
}

#[test]
fn extracts_the_main_text_without_boilerplate() {
    let server = Server::start();
    let page = fixture("story.html");
    server.route(
        "/story",
        vec![Reply::body(200, "text/html; charset=utf-8", page.clone())],
    );
    let outcome = fetch_one(options(&temp_dir("main-text")), &server.url("/story"));
    let text = available(&outcome);
    assert_eq!(text.location, server.url("/story"));
    assert_eq!(
        text.title.as_deref(),
        Some("Kim and Putin meet in Vladivostok | The Daily Example")
    );
    assert!(
        text.text
            .starts_with("Kim and Putin meet in Vladivostok\n\nBy A. Reporter\n\n")
    );
    assert!(text.text.contains(
        "\n\n“We will always support the decisions of President Putin,” Kim said, according to the state news agency.\n\n"
    ));
    assert!(
        text.text
            .contains("said the meeting showed how isolated both countries")
    );
    for boilerplate in [
        "cookies",
        "Accept all",
        "World",
        "Subscribe",
        "Share",
        "mattress",
        "Related",
        "Five things",
        "Copyright",
        "tracking",
        "font-family",
    ] {
        assert!(
            !text.text.contains(boilerplate),
            "{boilerplate:?} in {:?}",
            text.text
        );
    }
    let hash = text.content_hash.as_deref().expect("a content hash");
    assert!(hash.starts_with("sha256:") && hash.len() == 71, "{hash}");
    let retrieved = text.retrieved.as_deref().expect("a retrieval time");
    assert!(
        retrieved.ends_with('Z') && retrieved.len() == 20,
        "{retrieved}"
    );
    assert!(
        server
            .user_agents()
            .iter()
            .all(|ua| ua.starts_with("claimcheck/")),
        "{:?}",
        server.user_agents()
    );
}

#[test]
fn follows_a_redirect() {
    let server = Server::start();
    server
        .route("/old", vec![Reply::redirect(301, "/new")])
        .route("/new", vec![Reply::text("moved here")]);
    let outcome = fetch_one(options(&temp_dir("redirect")), &server.url("/old"));
    let text = available(&outcome);
    assert_eq!(text.location, server.url("/new"));
    assert_eq!(text.text, "moved here");
}

#[test]
fn gives_up_on_a_redirect_loop() {
    let server = Server::start();
    server
        .route("/a", vec![Reply::redirect(302, "/b")])
        .route("/b", vec![Reply::redirect(302, "/a")]);
    let outcome = fetch_one(options(&temp_dir("redirect-loop")), &server.url("/a"));
    assert_eq!(reason(&outcome), "too many redirects");
    assert_eq!(server.hits("/a") + server.hits("/b"), 6);
}

#[test]
fn reports_a_missing_page() {
    let server = Server::start();
    let outcome = fetch_one(options(&temp_dir("404")), &server.url("/gone"));
    assert_eq!(reason(&outcome), "HTTP 404");
    let SourceOutcome::Unavailable { location, .. } = &outcome else {
        unreachable!()
    };
    assert_eq!(location, &server.url("/gone"));
}

#[test]
fn retries_a_server_error_then_gives_up() {
    let server = Server::start();
    server.route("/broken", vec![Reply::status(500)]);
    let outcome = fetch_one(options(&temp_dir("500")), &server.url("/broken"));
    assert_eq!(reason(&outcome), "HTTP 500 (gave up after 3 attempts)");
    assert_eq!(server.hits("/broken"), 3);
}

#[test]
fn honours_retry_after_on_429() {
    let server = Server::start();
    server.route(
        "/busy",
        vec![
            Reply::status(429).header("Retry-After", "1"),
            Reply::text("served at last"),
        ],
    );
    let started = Instant::now();
    let outcome = fetch_one(options(&temp_dir("429")), &server.url("/busy"));
    assert_eq!(available(&outcome).text, "served at last");
    assert_eq!(server.hits("/busy"), 2);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[test]
fn refuses_a_long_retry_after() {
    let server = Server::start();
    server.route(
        "/later",
        vec![Reply::status(503).header("Retry-After", "3600")],
    );
    let outcome = fetch_one(options(&temp_dir("503-long")), &server.url("/later"));
    assert_eq!(reason(&outcome), "HTTP 503 (asked to retry after 3600 s)");
    assert_eq!(server.hits("/later"), 1);
}

#[test]
fn times_out_on_a_server_that_never_answers() {
    let server = Server::start();
    server.route("/silent", vec![Reply::Hang]);
    let opts = FetchOptions {
        timeout: Duration::from_secs(1),
        ..options(&temp_dir("timeout"))
    };
    let outcome = fetch_one(opts, &server.url("/silent"));
    assert_eq!(reason(&outcome), "timed out after 1 s");
}

#[test]
fn times_out_on_a_server_that_trickles() {
    let server = Server::start();
    server.route("/drip", vec![Reply::Trickle]);
    let opts = FetchOptions {
        timeout: Duration::from_secs(1),
        ..options(&temp_dir("trickle"))
    };
    let outcome = fetch_one(opts, &server.url("/drip"));
    assert_eq!(reason(&outcome), "timed out after 1 s");
}

#[test]
fn refuses_a_body_over_the_cap() {
    let server = Server::start();
    server
        .route(
            "/endless",
            vec![Reply::Stream {
                content_type: "text/plain".to_string(),
                bytes: 50_000_000,
            }],
        )
        .route("/declared", vec![Reply::text(&"b".repeat(200_000))]);
    let opts = FetchOptions {
        max_bytes: 100_000,
        ..options(&temp_dir("too-large"))
    };
    let fetcher = Fetcher::new(opts).expect("fetcher");
    let outcomes = fetcher.fetch_all(&[server.url("/endless"), server.url("/declared")]);
    assert_eq!(reason(&outcomes[0]), "too large: over 100 KB");
    assert_eq!(reason(&outcomes[1]), "too large: over 100 KB");
}

#[test]
fn stops_a_gzip_bomb_at_the_cap() {
    // 20 MB of spaces compress to about 20 KB; the cap applies to the decoded size.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let block = vec![b' '; 1 << 20];
    for _ in 0..20 {
        encoder.write_all(&block).expect("compress");
    }
    let bomb = encoder.finish().expect("compress");
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    let server = Server::start();
    server.route(
        "/bomb",
        vec![Reply::body(200, "text/html", bomb).header("Content-Encoding", "gzip")],
    );
    let opts = FetchOptions {
        max_bytes: 1_000_000,
        ..options(&temp_dir("gzip-bomb"))
    };
    let outcome = fetch_one(opts, &server.url("/bomb"));
    assert_eq!(reason(&outcome), "too large: over 1 MB");
}

#[test]
fn reads_a_gzipped_page() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(b"<p>compressed words</p>")
        .expect("compress");
    let server = Server::start();
    server.route(
        "/gz",
        vec![
            Reply::body(200, "text/html", encoder.finish().expect("compress"))
                .header("Content-Encoding", "gzip"),
        ],
    );
    let outcome = fetch_one(options(&temp_dir("gzip")), &server.url("/gz"));
    assert_eq!(available(&outcome).text, "compressed words");
}

#[test]
fn refuses_content_that_is_not_text() {
    let server = Server::start();
    server.route(
        "/photo",
        vec![Reply::body(200, "image/png", b"\x89PNG\r\n\x1a\n".to_vec())],
    );
    let outcome = fetch_one(options(&temp_dir("content-type")), &server.url("/photo"));
    assert_eq!(reason(&outcome), "not HTML or text: image/png");
}

#[test]
fn refuses_a_private_address_without_the_flag() {
    let server = Server::start();
    server.route("/story", vec![Reply::text("internal")]);
    let opts = FetchOptions {
        allow_private_network: false,
        ..options(&temp_dir("private"))
    };
    let fetcher = Fetcher::new(opts).expect("fetcher");
    let localhost = format!("http://localhost:{}/story", server.addr.port());
    let outcomes = fetcher.fetch_all(&[server.url("/story"), localhost]);
    assert_eq!(
        reason(&outcomes[0]),
        "refused: 127.0.0.1 is a loopback address (use --allow-private-network)"
    );
    // A name is checked after resolution: localhost is loopback too.
    assert!(
        reason(&outcomes[1]).starts_with("refused: ")
            && reason(&outcomes[1]).contains("loopback address"),
        "{}",
        reason(&outcomes[1])
    );
    // Not even robots.txt was asked for.
    assert_eq!(server.total_hits(), 0);
}

#[test]
fn refuses_a_redirect_to_a_private_address() {
    let other = Server::start();
    other.route("/admin", vec![Reply::text("internal service")]);
    let server = Server::start();
    server
        .route("/ok", vec![Reply::text("allowed")])
        .route(
            "/metadata",
            vec![Reply::redirect(
                302,
                "http://169.254.169.254/latest/meta-data/",
            )],
        )
        .route(
            "/internal",
            vec![Reply::redirect(307, &other.url("/admin"))],
        );
    // The first server is let through by exact address, as a newsroom's own archive server
    // would be; every other private address stays refused, on redirects too.
    let opts = FetchOptions {
        allow_private_network: false,
        private_exceptions: vec![server.addr],
        ..options(&temp_dir("private-redirect"))
    };
    let fetcher = Fetcher::new(opts).expect("fetcher");
    let outcomes = fetcher.fetch_all(&[
        server.url("/ok"),
        server.url("/metadata"),
        server.url("/internal"),
    ]);
    assert_eq!(available(&outcomes[0]).text, "allowed");
    assert_eq!(
        reason(&outcomes[1]),
        "refused: 169.254.169.254 is a link-local address (use --allow-private-network)"
    );
    assert_eq!(
        reason(&outcomes[2]),
        "refused: 127.0.0.1 is a loopback address (use --allow-private-network)"
    );
    assert_eq!(other.total_hits(), 0);
}

#[test]
fn respects_robots_txt() {
    let server = Server::start();
    server
        .route(
            "/robots.txt",
            vec![Reply::text("User-agent: *\nDisallow: /private/\n")],
        )
        .route("/private/memo", vec![Reply::text("secret")])
        .route("/public", vec![Reply::text("public words")]);
    let fetcher = Fetcher::new(options(&temp_dir("robots"))).expect("fetcher");
    let outcomes = fetcher.fetch_all(&[server.url("/private/memo"), server.url("/public")]);
    assert_eq!(reason(&outcomes[0]), "disallowed by robots.txt");
    assert_eq!(available(&outcomes[1]).text, "public words");
    assert_eq!(server.hits("/private/memo"), 0);
    assert_eq!(server.hits("/robots.txt"), 1);
}

#[test]
fn keeps_order_and_fetches_duplicates_once() {
    let server = Server::start();
    server
        .route("/a", vec![Reply::text("first")])
        .route("/b", vec![Reply::text("second")]);
    let fetcher = Fetcher::new(options(&temp_dir("order"))).expect("fetcher");
    let urls = [
        server.url("/a"),
        server.url("/b"),
        server.url("/missing"),
        server.url("/a"),
        "ftp://example.com/file".to_string(),
        "not a url".to_string(),
    ];
    let outcomes = fetcher.fetch_all(&urls);
    assert_eq!(available(&outcomes[0]).text, "first");
    assert_eq!(available(&outcomes[1]).text, "second");
    assert_eq!(reason(&outcomes[2]), "HTTP 404");
    assert_eq!(outcomes[3], outcomes[0]);
    assert_eq!(reason(&outcomes[4]), "unsupported scheme: ftp");
    assert!(reason(&outcomes[5]).starts_with("not a valid url"));
    assert_eq!(server.hits("/a"), 1);
}

#[test]
fn retries_a_dropped_connection() {
    let server = Server::start();
    server
        .route("/flaky", vec![Reply::Reset, Reply::text("second try")])
        .route("/dead", vec![Reply::Reset]);
    let fetcher = Fetcher::new(options(&temp_dir("reset"))).expect("fetcher");
    let outcomes = fetcher.fetch_all(&[server.url("/flaky"), server.url("/dead")]);
    assert_eq!(available(&outcomes[0]).text, "second try");
    let dead = reason(&outcomes[1]);
    assert!(
        dead.starts_with("connection failed: ") && dead.ends_with("(gave up after 3 attempts)"),
        "{dead}"
    );
}

#[test]
fn connects_to_a_name_through_the_checked_addresses() {
    let server = Server::start();
    server.route("/story", vec![Reply::text("by name")]);
    let url = format!("http://localhost:{}/story", server.addr.port());
    let outcome = fetch_one(options(&temp_dir("by-name")), &url);
    assert_eq!(available(&outcome).text, "by name");
}

#[test]
fn limits_requests_per_host() {
    let server = Server::start();
    let urls: Vec<String> = (0..6)
        .map(|i| {
            let path = format!("/slow/{i}");
            server.route(
                &path,
                vec![Reply::Slow(
                    Duration::from_millis(150),
                    Box::new(Reply::text("late")),
                )],
            );
            server.url(&path)
        })
        .collect();
    let opts = FetchOptions {
        per_host: 2,
        ..options(&temp_dir("per-host"))
    };
    let outcomes = Fetcher::new(opts).expect("fetcher").fetch_all(&urls);
    assert!(outcomes.iter().all(|o| available(o).text == "late"));
    assert_eq!(server.max_in_flight(), 2);
}

#[test]
fn reports_a_refused_connection() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/story", closed.local_addr().expect("address"));
    drop(closed);
    let outcome = fetch_one(options(&temp_dir("refused")), &url);
    assert_eq!(reason(&outcome), "connection refused");
}
