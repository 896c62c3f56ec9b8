//! The fetcher: cited URLs to their main text, through the lock, the cache and the network,
//! with bounded concurrency. Its API is blocking (the binary is synchronous); a small tokio
//! runtime inside runs the requests concurrently.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use claimcheck_core::{SourceOutcome, SourceText};
use thiserror::Error;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

use crate::address::{AddressPolicy, PinnedResolver};
use crate::cache::{Cache, CachedBody, Record, content_hash};
use crate::lock::{Lock, LockEntry};
use crate::options::FetchOptions;
use crate::page::read_page;
use crate::robots::RobotsCache;
use crate::transfer::{self, Purpose};

/// Why a fetcher could not be set up.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error("cannot start the fetcher's runtime: {0}")]
    Runtime(std::io::Error),
    #[error("cannot build the HTTP client: {0}")]
    Client(String),
    #[error("invalid fetch options: {0}")]
    Options(String),
}

/// Fetches cited sources. Build one per run: robots.txt answers and per-host limits live as
/// long as it does.
///
/// ```no_run
/// use claimcheck_retrieve::{FetchOptions, Fetcher};
/// let fetcher = Fetcher::new(FetchOptions::default())?;
/// let outcomes = fetcher.fetch_all(&["https://example.com/story".to_string()]);
/// # Ok::<(), claimcheck_retrieve::FetchError>(())
/// ```
pub struct Fetcher {
    /// Always `Some` until the fetcher is dropped.
    runtime: Option<tokio::runtime::Runtime>,
    inner: Arc<Inner>,
    lock: Option<Arc<Lock>>,
}

/// The state the concurrent fetches share.
pub(crate) struct Inner {
    pub options: FetchOptions,
    pub client: reqwest::Client,
    pub resolver: PinnedResolver,
    pub policy: AddressPolicy,
    pub robots: RobotsCache,
    cache: Cache,
    overall: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    warnings: Mutex<Vec<String>>,
}

impl Fetcher {
    /// A fetcher with `options`. Nothing is contacted until [`Fetcher::fetch_all`].
    pub fn new(options: FetchOptions) -> Result<Fetcher, FetchError> {
        if options.per_host == 0 || options.concurrency == 0 {
            return Err(FetchError::Options(
                "per-host and overall concurrency must be at least 1".to_string(),
            ));
        }
        // reqwest is built without a default TLS crypto provider (aws-lc-rs costs a long C
        // build); ring is installed here. An error means a provider is already installed,
        // which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let resolver = PinnedResolver::default();
        let client = reqwest::Client::builder()
            .user_agent(options.user_agent.as_str())
            // Redirects are followed by hand so that every hop is checked.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(options.connect_timeout)
            // A proxy would connect on our behalf to addresses we never checked.
            .no_proxy()
            .dns_resolver(Arc::new(resolver.clone()))
            .build()
            .map_err(|e| FetchError::Client(e.to_string()))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("claimcheck-fetch")
            .enable_all()
            .build()
            .map_err(FetchError::Runtime)?;
        let inner = Inner {
            policy: AddressPolicy {
                allow_private_network: options.allow_private_network,
                exceptions: options.private_exceptions.clone(),
            },
            cache: Cache::new(&options.cache_dir),
            overall: Arc::new(Semaphore::new(options.concurrency)),
            hosts: Mutex::default(),
            warnings: Mutex::default(),
            robots: RobotsCache::default(),
            resolver,
            client,
            options,
        };
        Ok(Fetcher {
            runtime: Some(runtime),
            inner: Arc::new(inner),
            lock: None,
        })
    }

    /// The same fetcher, serving every URL in `lock` as the content it locks (from the
    /// cache), so that a rerun checks exactly what the locked run checked.
    pub fn with_lock(mut self, lock: &Lock) -> Fetcher {
        self.lock = Some(Arc::new(lock.clone()));
        self
    }

    /// Fetches `urls` concurrently and returns an outcome for each, in the same order. A URL
    /// given twice is fetched once. Never fails: a source that cannot be read is
    /// `Unavailable` with the reason.
    ///
    /// Must not be called from inside an async runtime (it blocks on its own).
    pub fn fetch_all(&self, urls: &[String]) -> Vec<SourceOutcome> {
        self.fetch_all_as(urls, Purpose::Page)
    }

    /// Fetches JSON documents from a public API (Wikidata's) as [`Fetcher::fetch_all`] fetches
    /// pages: the same address policy, limits, cache and lock, the body kept as the JSON text.
    /// Only JSON is accepted, and robots.txt is not consulted, since it governs crawlers and
    /// such APIs invite clients that name themselves in the User-Agent.
    ///
    /// Must not be called from inside an async runtime (it blocks on its own).
    pub fn fetch_api(&self, urls: &[String]) -> Vec<SourceOutcome> {
        self.fetch_all_as(urls, Purpose::Api)
    }

    fn fetch_all_as(&self, urls: &[String], purpose: Purpose) -> Vec<SourceOutcome> {
        let mut unique: Vec<&str> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for url in urls {
            index.entry(url.as_str()).or_insert_with(|| {
                unique.push(url.as_str());
                unique.len() - 1
            });
        }
        let runtime = self
            .runtime
            .as_ref()
            .expect("the runtime is only taken when the fetcher is dropped");
        let outcomes = runtime.block_on(async {
            let mut tasks = JoinSet::new();
            let mut task_index = HashMap::new();
            for (i, url) in unique.iter().enumerate() {
                let inner = Arc::clone(&self.inner);
                let lock = self.lock.clone();
                let url = url.to_string();
                let handle = tasks
                    .spawn(async move { inner.fetch_one(&url, lock.as_deref(), purpose).await });
                task_index.insert(handle.id(), i);
            }
            let mut outcomes: Vec<Option<SourceOutcome>> = vec![None; unique.len()];
            while let Some(joined) = tasks.join_next_with_id().await {
                let (id, outcome) = match joined {
                    Ok((id, outcome)) => (id, outcome),
                    Err(e) => {
                        let Some(&i) = task_index.get(&e.id()) else {
                            continue;
                        };
                        let outcome = SourceOutcome::Unavailable {
                            location: unique[i].to_string(),
                            reason: "internal error while fetching".to_string(),
                        };
                        (e.id(), outcome)
                    }
                };
                if let Some(&i) = task_index.get(&id) {
                    outcomes[i] = Some(outcome);
                }
            }
            outcomes
        });
        urls.iter()
            .map(|url| {
                outcomes[index[url.as_str()]].clone().unwrap_or_else(|| {
                    SourceOutcome::Unavailable {
                        location: url.clone(),
                        reason: "internal error while fetching".to_string(),
                    }
                })
            })
            .collect()
    }

    /// Problems that did not stop a source from being read (a cache entry that could not be
    /// written), for the binary to show as warnings. Taking them empties the list.
    pub fn take_warnings(&self) -> Vec<String> {
        std::mem::take(
            &mut *self
                .inner
                .warnings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}

impl Drop for Fetcher {
    /// Shuts the runtime down without waiting for its blocking threads: a DNS lookup that
    /// outlived its timeout must not hold up the end of the run.
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

fn unavailable(url: &str, reason: impl Into<String>) -> SourceOutcome {
    SourceOutcome::Unavailable {
        location: url.to_string(),
        reason: reason.into(),
    }
}

impl Inner {
    async fn fetch_one(&self, url: &str, lock: Option<&Lock>, purpose: Purpose) -> SourceOutcome {
        let parsed = match Url::parse(url) {
            Ok(parsed) => parsed,
            Err(e) => return unavailable(url, format!("not a valid url ({e})")),
        };
        if !matches!(parsed.scheme(), "http" | "https") {
            return unavailable(url, format!("unsupported scheme: {}", parsed.scheme()));
        }
        if let Some(entry) = lock.and_then(|lock| lock.entry(url)) {
            return self.serve_locked(url, &parsed, entry, purpose).await;
        }
        match self.cache.record(url) {
            Some(record) => match self.cache.body(&record.content_hash) {
                Ok(body) => {
                    return SourceOutcome::Available(source_text(
                        &record.final_url,
                        &record.retrieved,
                        &record.content_hash,
                        &body,
                    ));
                }
                // A body that no longer matches its hash is never trusted: online it is
                // fetched again, offline the source is unavailable.
                Err(_) if self.options.offline => return unavailable(url, "cache entry corrupt"),
                Err(_) => {}
            },
            None if self.options.offline => return unavailable(url, "not in the cache (offline)"),
            None => {}
        }
        match self.fetch_network(url, &parsed, purpose).await {
            Ok(text) => SourceOutcome::Available(text),
            Err(reason) => unavailable(url, reason),
        }
    }

    /// Serves the content a lock names. When the cache lacks it and the network is allowed,
    /// the page is fetched again and accepted only if it still has the locked hash.
    async fn serve_locked(
        &self,
        url: &str,
        parsed: &Url,
        entry: &LockEntry,
        purpose: Purpose,
    ) -> SourceOutcome {
        const MISSING: &str = "locked content not in the cache";
        if let Ok(body) = self.cache.body(&entry.content_hash) {
            return SourceOutcome::Available(source_text(
                &entry.final_url,
                &entry.retrieved,
                &entry.content_hash,
                &body,
            ));
        }
        if self.options.offline {
            return unavailable(url, MISSING);
        }
        match self.fetch_network(url, parsed, purpose).await {
            Ok(text) if text.content_hash.as_deref() == Some(entry.content_hash.as_str()) => {
                SourceOutcome::Available(SourceText {
                    location: entry.final_url.clone(),
                    retrieved: Some(entry.retrieved.clone()),
                    ..text
                })
            }
            Ok(_) => unavailable(
                url,
                format!("{MISSING} (the page has changed since it was locked)"),
            ),
            Err(reason) => unavailable(url, format!("{MISSING} ({reason})")),
        }
    }

    /// Fetches over the network within the per-host and overall limits, and stores the
    /// result in the cache.
    async fn fetch_network(
        &self,
        url: &str,
        parsed: &Url,
        purpose: Purpose,
    ) -> Result<SourceText, String> {
        let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
        let per_host = Arc::clone(
            self.hosts
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .entry(host)
                .or_insert_with(|| Arc::new(Semaphore::new(self.options.per_host))),
        );
        // The host's permit is taken before the overall one, so a request waiting on a busy
        // host does not hold a slot other hosts could use. The semaphores are never closed.
        let _host_permit = per_host.acquire_owned().await;
        let _permit = Arc::clone(&self.overall).acquire_owned().await;
        let download = transfer::download(self, parsed, purpose).await?;
        let record = Record {
            url: url.to_string(),
            final_url: download.final_url.to_string(),
            status: download.status,
            content_type: download.content_type,
            retrieved: now(),
            content_hash: content_hash(&download.body),
        };
        if let Err(e) = self.cache.store(&record, &download.body) {
            self.warnings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(format!("{url}: not cached: {e}"));
        }
        let body = CachedBody {
            bytes: download.body,
            content_type: record.content_type.clone(),
        };
        Ok(source_text(
            &record.final_url,
            &record.retrieved,
            &record.content_hash,
            &body,
        ))
    }
}

fn source_text(location: &str, retrieved: &str, hash: &str, body: &CachedBody) -> SourceText {
    let page = read_page(&body.bytes, &body.content_type);
    SourceText {
        location: location.to_string(),
        title: page.title,
        text: page.text,
        retrieved: Some(retrieved.to_string()),
        content_hash: Some(hash.to_string()),
    }
}

/// Now, RFC 3339 in UTC to the second ("2026-11-28T21:46:37Z").
fn now() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second())
        .unwrap_or(now)
        .to_string()
}
