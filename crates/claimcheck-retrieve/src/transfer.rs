//! One source over HTTP: the redirect chain followed by hand (each hop checked against the
//! address policy and robots.txt), the status and content type judged, the body read up to
//! the size cap, and the whole retried with backoff when the server asks for patience.

use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use url::Url;

use crate::address::resolve_checked;
use crate::fetch::Inner;
use crate::page::{is_html, media_type};
use crate::robots::{self, ROBOTS_MAX_BYTES};

/// The first wait before a retry when the server gives no Retry-After; doubled each time.
const BACKOFF_BASE: Duration = Duration::from_millis(250);

/// The longest Retry-After honoured. A server asking for more is treated as unavailable now:
/// a checker run should not sleep for minutes on one source.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

const ACCEPTED: &str = "text/html, application/xhtml+xml, text/plain;q=0.9";

/// What an API request accepts (see [`Purpose::Api`]).
const ACCEPTED_API: &str = "application/json";

/// A body as the server sent it (after gzip decoding).
#[derive(Debug)]
pub(crate) struct Download {
    pub final_url: Url,
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// Why a source could not be read, and whether trying again may help.
#[derive(Debug)]
pub(crate) struct Failure {
    pub reason: String,
    pub retry: Retry,
}

#[derive(Debug)]
pub(crate) enum Retry {
    No,
    /// Worth retrying, after the server's Retry-After when it gave one.
    Yes(Option<Duration>),
}

impl Failure {
    pub fn fatal(reason: String) -> Failure {
        Failure {
            reason,
            retry: Retry::No,
        }
    }

    fn transient(reason: String, after: Option<Duration>) -> Failure {
        Failure {
            reason,
            retry: Retry::Yes(after),
        }
    }
}

/// What a request is for: a page is judged by content type and robots.txt; robots.txt itself
/// is not, and any status is handed back for the robots rules to interpret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    Page,
    Robots,
    /// JSON from a public API that invites programmatic clients (Wikidata's). Only JSON is
    /// accepted, and robots.txt is not consulted: it governs crawlers, and such APIs ask for
    /// a User-Agent that names the client instead (Wikimedia's robots.txt disallows `/w/`,
    /// where its API lives, to crawlers).
    Api,
}

/// Fetches a page (or, for [`Purpose::Api`], a JSON document), retrying transient failures
/// with exponential backoff. Each attempt is bounded by the total timeout.
pub(crate) async fn download(
    inner: &Inner,
    url: &Url,
    purpose: Purpose,
) -> Result<Download, String> {
    let options = &inner.options;
    let mut attempt = 0;
    loop {
        let outcome = tokio::time::timeout(options.timeout, follow(inner, url, purpose))
            .await
            .unwrap_or_else(|_| {
                Err(Failure::fatal(format!(
                    "timed out after {}",
                    seconds(options.timeout)
                )))
            });
        match outcome {
            Ok(download) => return Ok(download),
            Err(Failure {
                retry: Retry::Yes(after),
                ..
            }) if attempt < options.retries => {
                let backoff = BACKOFF_BASE.saturating_mul(2u32.saturating_pow(attempt));
                tokio::time::sleep(after.unwrap_or(backoff)).await;
                attempt += 1;
            }
            Err(failure) if attempt > 0 => {
                return Err(format!(
                    "{} (gave up after {} attempts)",
                    failure.reason,
                    attempt + 1
                ));
            }
            Err(failure) => return Err(failure.reason),
        }
    }
}

/// Follows the redirect chain from `start` and reads the final body. Every hop is checked
/// afresh: its scheme, robots.txt (for pages), and every address its host resolves to, which
/// the connection is then pinned to.
pub(crate) async fn follow(
    inner: &Inner,
    start: &Url,
    purpose: Purpose,
) -> Result<Download, Failure> {
    let options = &inner.options;
    let mut url = start.clone();
    let mut redirects = 0;
    loop {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Failure::fatal(format!(
                "unsupported scheme: {}",
                url.scheme()
            )));
        }
        let Some(host) = url.host_str().map(str::to_string) else {
            return Err(Failure::fatal(format!("no host in {url}")));
        };
        let port = url.port_or_known_default().unwrap_or(80);
        let addrs = resolve_checked(&inner.policy, &host, port)
            .await
            .map_err(Failure::fatal)?;
        if purpose == Purpose::Page {
            robots::check(inner, &url).await?;
        }
        if matches!(url.host(), Some(url::Host::Domain(_))) {
            inner.resolver.pin(&host, addrs);
        }
        let response = inner
            .client
            .get(url.clone())
            .header(
                ACCEPT,
                if purpose == Purpose::Api {
                    ACCEPTED_API
                } else {
                    ACCEPTED
                },
            )
            .send()
            .await
            .map_err(|e| request_failure(&e, inner))?;
        let status = response.status().as_u16();
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| Failure::fatal(format!("HTTP {status} without a location")))?;
            let next = url.join(location).map_err(|e| {
                Failure::fatal(format!("HTTP {status} to an invalid location ({e})"))
            })?;
            redirects += 1;
            if redirects > options.max_redirects {
                return Err(Failure::fatal("too many redirects".to_string()));
            }
            url = next;
            continue;
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        if purpose == Purpose::Robots {
            // Only a successful robots.txt has rules worth reading; a long one is cut at
            // the limit rather than refused, as crawlers do.
            let body = if (200..300).contains(&status) {
                read_body(response, ROBOTS_MAX_BYTES, false).await?
            } else {
                Vec::new()
            };
            return Ok(Download {
                final_url: url,
                status,
                content_type,
                body,
            });
        }
        if matches!(status, 429 | 500 | 502 | 503 | 504) {
            let after = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(retry_after);
            return Err(match after {
                Some(wait) if wait > MAX_RETRY_AFTER => Failure::fatal(format!(
                    "HTTP {status} (asked to retry after {})",
                    seconds(wait)
                )),
                _ => Failure::transient(format!("HTTP {status}"), after),
            });
        }
        if !(200..300).contains(&status) {
            return Err(Failure::fatal(format!("HTTP {status}")));
        }
        let media = media_type(&content_type);
        if purpose == Purpose::Api {
            if !media.is_empty() && !is_json(&media) {
                return Err(Failure::fatal(format!("not JSON: {media}")));
            }
        } else if !media.is_empty() && !is_html(&media) && media != "text/plain" {
            return Err(Failure::fatal(format!("not HTML or text: {media}")));
        }
        if response
            .content_length()
            .is_some_and(|n| n > options.max_bytes)
        {
            return Err(too_large(options.max_bytes));
        }
        let body = read_body(response, options.max_bytes, true).await?;
        let content_type = if media.is_empty() && purpose == Purpose::Api {
            // An API that leaves out the type still answered the request for JSON; the
            // adapter's parser judges the body.
            ACCEPTED_API.to_string()
        } else if media.is_empty() {
            sniff(&body)?.to_string()
        } else {
            content_type
        };
        return Ok(Download {
            final_url: url,
            status,
            content_type,
            body,
        });
    }
}

/// Reads a body chunk by chunk, stopping at `cap` bytes. The chunks are already gzip-decoded,
/// so the cap bounds the decoded size and a gzip bomb stops at it. With `strict`, a body over
/// the cap fails the source; otherwise it is cut at the cap.
async fn read_body(
    mut response: reqwest::Response,
    cap: u64,
    strict: bool,
) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    loop {
        let chunk = response.chunk().await.map_err(|e| {
            if e.is_decode() {
                Failure::fatal(format!("could not decode the body: {}", root_cause(&e)))
            } else {
                Failure::transient(
                    format!(
                        "connection failed while reading the body: {}",
                        root_cause(&e)
                    ),
                    None,
                )
            }
        })?;
        let Some(chunk) = chunk else {
            return Ok(body);
        };
        let room = usize::try_from(cap)
            .unwrap_or(usize::MAX)
            .saturating_sub(body.len());
        if chunk.len() > room {
            if strict {
                return Err(too_large(cap));
            }
            body.extend_from_slice(&chunk[..room]);
            return Ok(body);
        }
        body.extend_from_slice(&chunk);
    }
}

/// The content type of a body served without one: HTML when it starts like markup, plain text
/// otherwise, and refused when it holds a NUL byte (binary).
fn sniff(body: &[u8]) -> Result<&'static str, Failure> {
    if body.contains(&0) {
        return Err(Failure::fatal(
            "not HTML or text: binary content without a content type".to_string(),
        ));
    }
    let start = String::from_utf8_lossy(&body[..body.len().min(512)]);
    let start = start.trim_start_matches('\u{feff}').trim_start();
    Ok(if start.starts_with('<') {
        "text/html"
    } else {
        "text/plain"
    })
}

/// Whether a media type (without parameters, lowercase) is JSON: `application/json` or a
/// `+json` type such as `application/ld+json`.
fn is_json(media_type: &str) -> bool {
    media_type == "application/json"
        || (media_type.starts_with("application/") && media_type.ends_with("+json"))
}

fn too_large(cap: u64) -> Failure {
    Failure::fatal(format!("too large: over {}", size(cap)))
}

/// The failure for a request that got no response.
fn request_failure(e: &reqwest::Error, inner: &Inner) -> Failure {
    if e.is_timeout() {
        return Failure::fatal(format!(
            "timed out connecting after {}",
            seconds(inner.options.connect_timeout)
        ));
    }
    let refused = std::iter::successors(Some(e as &dyn std::error::Error), |e| e.source())
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::ConnectionRefused);
    if refused {
        return Failure::fatal("connection refused".to_string());
    }
    if e.is_connect() {
        return Failure::fatal(format!("could not connect: {}", root_cause(e)));
    }
    // A dropped or reset connection is often a passing fault of a busy server.
    Failure::transient(format!("connection failed: {}", root_cause(e)), None)
}

/// The innermost cause of an error, which is the informative part of reqwest's chain.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// A Retry-After value: delay-seconds or an HTTP date (taken relative to now).
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let wait = at.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// A duration as reasons show it: "20 s", "1.5 s".
pub(crate) fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// A byte count as reasons show it, in decimal units: "5 MB", "64 KB", "2.5 MB".
fn size(bytes: u64) -> String {
    let (unit, name) = if bytes >= 1_000_000 {
        (1_000_000, "MB")
    } else if bytes >= 1_000 {
        (1_000, "KB")
    } else {
        return format!("{bytes} bytes");
    };
    if bytes.is_multiple_of(unit) {
        format!("{} {name}", bytes / unit)
    } else {
        format!("{:.1} {name}", bytes as f64 / unit as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_limits() {
        assert_eq!(size(5_000_000), "5 MB");
        assert_eq!(size(64_000), "64 KB");
        assert_eq!(size(2_500_000), "2.5 MB");
        assert_eq!(size(512), "512 bytes");
        assert_eq!(seconds(Duration::from_secs(20)), "20 s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
    }

    #[test]
    fn reads_retry_after() {
        assert_eq!(retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn sniffs_untyped_bodies() {
        assert_eq!(sniff(b"  <html>").ok(), Some("text/html"));
        assert_eq!(sniff(b"plain words").ok(), Some("text/plain"));
        assert!(sniff(b"\x89PNG\0\0").is_err());
    }
}
