//! Hostile articles and hostile sources: bounded time, no panic, one clear error or an
//! unverified verdict with the reason (issue 8).
