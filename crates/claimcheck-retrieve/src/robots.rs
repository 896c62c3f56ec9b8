//! robots.txt: fetched once per origin (scheme, host, port) and cached for the run, then
//! matched with Google's reference rules (the `robotstxt` crate) for claimcheck's agent.
//!
//! What an unreadable robots.txt means follows RFC 9309: a 4xx answer (most often 404) allows
//! everything; a 5xx or 429 answer disallows everything, since the site may be overloaded; a
//! network failure (timeout, refused address) makes the source unavailable with that reason.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;
use url::Url;

use crate::fetch::Inner;
use crate::transfer::{Failure, Purpose, follow};

/// The most bytes of a robots.txt read; Google reads 500 KiB and ignores the rest.
pub(crate) const ROBOTS_MAX_BYTES: u64 = 500 * 1024;

#[derive(Debug, Clone)]
enum RobotsPolicy {
    AllowAll,
    DisallowAll(String),
    Rules(String),
    Unreachable(String),
}

/// The robots.txt policies seen this run, by origin.
#[derive(Debug, Default)]
pub(crate) struct RobotsCache {
    by_origin: Mutex<HashMap<String, Arc<OnceCell<RobotsPolicy>>>>,
}

/// Whether robots.txt lets claimcheck fetch `url`; fetches robots.txt for its origin on first
/// use. Concurrent fetches on one origin share one robots.txt request.
pub(crate) async fn check(inner: &Inner, url: &Url) -> Result<(), Failure> {
    let origin = url.origin().ascii_serialization();
    let cell = inner
        .robots
        .by_origin
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .entry(origin)
        .or_default()
        .clone();
    let policy = cell.get_or_init(|| fetch_policy(inner, url)).await;
    match policy {
        RobotsPolicy::AllowAll => Ok(()),
        RobotsPolicy::DisallowAll(why) => {
            Err(Failure::fatal(format!("disallowed by robots.txt ({why})")))
        }
        RobotsPolicy::Rules(body) => {
            let agent = agent_token(&inner.options.user_agent);
            let mut matcher = robotstxt::DefaultMatcher::default();
            if matcher.one_agent_allowed_by_robots(body, &agent, url.as_str()) {
                Ok(())
            } else {
                Err(Failure::fatal("disallowed by robots.txt".to_string()))
            }
        }
        RobotsPolicy::Unreachable(reason) => Err(Failure::fatal(reason.clone())),
    }
}

async fn fetch_policy(inner: &Inner, url: &Url) -> RobotsPolicy {
    let Ok(robots_url) = url.join("/robots.txt") else {
        return RobotsPolicy::AllowAll;
    };
    // Boxed because a page fetch checks robots.txt, which is itself a fetch.
    match Box::pin(follow(inner, &robots_url, Purpose::Robots)).await {
        Ok(download) if (200..300).contains(&download.status) => {
            RobotsPolicy::Rules(String::from_utf8_lossy(&download.body).into_owned())
        }
        Ok(download) if download.status == 429 || download.status >= 500 => {
            RobotsPolicy::DisallowAll(format!("robots.txt answered HTTP {}", download.status))
        }
        Ok(_) => RobotsPolicy::AllowAll,
        Err(failure) if failure.reason == "too many redirects" => RobotsPolicy::AllowAll,
        Err(failure) => RobotsPolicy::Unreachable(failure.reason),
    }
}

/// The product token robots.txt groups name: the User-Agent up to its first `/` or space
/// ("claimcheck" for "claimcheck/0.1.0 (+https://...)").
fn agent_token(user_agent: &str) -> String {
    user_agent
        .split(['/', ' '])
        .next()
        .unwrap_or(user_agent)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_rules_for_our_agent() {
        let body =
            "User-agent: *\nDisallow: /private\n\nUser-agent: claimcheck\nDisallow: /no-checkers\n";
        let mut m = robotstxt::DefaultMatcher::default();
        assert!(!m.one_agent_allowed_by_robots(
            body,
            "claimcheck",
            "http://a.example/no-checkers/x"
        ));
        let mut m = robotstxt::DefaultMatcher::default();
        // The group for claimcheck replaces the `*` group, as the standard says.
        assert!(m.one_agent_allowed_by_robots(body, "claimcheck", "http://a.example/private/x"));
        assert_eq!(agent_token("claimcheck/0.1.0 (+https://x)"), "claimcheck");
    }
}
