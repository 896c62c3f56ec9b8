//! How cited sources are fetched: limits, timeouts, politeness and the network policy.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Options for a [`Fetcher`](crate::Fetcher). `FetchOptions::default()` gives the limits a
/// newsroom user would expect; the binary overrides them from flags and configuration.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Contact loopback, private, link-local and other non-global addresses
    /// (`--allow-private-network`). Off by default: an article under review must not make the
    /// checker reach internal services.
    pub allow_private_network: bool,
    /// Never touch the network; answer from the cache only (`--offline`).
    pub offline: bool,
    /// Where fetched sources are stored, content-addressed.
    pub cache_dir: PathBuf,
    /// The longest wait for a TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// The longest a source may take, from the first request to the last byte of the last
    /// redirect, for each attempt.
    pub timeout: Duration,
    /// The most bytes of a body that are read (after gzip decoding); a larger source is
    /// unavailable ("too large").
    pub max_bytes: u64,
    /// The most redirects followed for one source.
    pub max_redirects: usize,
    /// The most requests in flight to one host. 8 is the default of Scrapy, the common crawler
    /// (`CONCURRENT_REQUESTS_PER_DOMAIN`): an article citing 20 pages of one outlet loads them
    /// in three round trips, where 2 took ten (5.5 s against 500 ms pages, BENCHMARKS.md),
    /// while one run never puts more than 8 requests at a time on a site.
    pub per_host: usize,
    /// The most requests in flight overall. 16 (also Scrapy's default) lets an article's
    /// typical 10-20 sources, on different hosts, load in one or two round trips.
    pub concurrency: usize,
    /// How many times a source answering 429, 500, 502, 503 or 504 (or dropping the
    /// connection) is tried again, with exponential backoff.
    pub retries: u32,
    /// The User-Agent header; its first word (before `/`) is the agent robots.txt rules name.
    pub user_agent: String,
    /// Non-global addresses that may be contacted although `allow_private_network` is off,
    /// each by exact address and port: a newsroom's own archive server, or a test server
    /// whose redirects to other private addresses must still be refused.
    pub private_exceptions: Vec<SocketAddr>,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            allow_private_network: false,
            offline: false,
            cache_dir: PathBuf::from(".claimcheck-cache"),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(20),
            max_bytes: 5_000_000,
            max_redirects: 5,
            per_host: 8,
            concurrency: 16,
            retries: 2,
            user_agent: format!(
                "claimcheck/{} (+https://github.com/claimcheck/claimcheck)",
                env!("CARGO_PKG_VERSION")
            ),
            private_exceptions: Vec::new(),
        }
    }
}
