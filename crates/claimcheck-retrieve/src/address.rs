//! The network address policy: which IP addresses a fetch may contact, and the DNS resolver
//! that pins every connection to an address that passed the policy.
//!
//! An article under review is untrusted, and so is every page it links to. If the checker
//! fetched whatever a link named, an article (or a redirect) could make it reach a newsroom's
//! internal services or a cloud metadata endpoint. So each host is resolved here, every
//! address is checked, and the HTTP client connects only to the addresses checked: a
//! rebinding DNS server cannot answer differently for the connection than for the check.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// The kind of non-global address `ip` is ("loopback", "private", "link-local", ...), or
/// `None` when it is a global unicast address that a fetch may contact.
///
/// IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4) are judged as the IPv4
/// address they carry, since that is where the packets end up.
pub fn non_global(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => non_global_v4(v4),
        IpAddr::V6(v6) => non_global_v6(v6),
    }
}

fn non_global_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    let kind = match (a, b, c) {
        (0, _, _) => "unspecified",
        (127, _, _) => "loopback",
        (10, _, _) => "private",
        (172, 16..=31, _) => "private",
        (192, 168, _) => "private",
        (169, 254, _) => "link-local",
        (100, 64..=127, _) => "shared (carrier-grade nat)",
        (192, 0, 0) => "reserved",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved",
        _ => return None,
    };
    Some(kind)
}

fn non_global_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    let s = ip.segments();
    // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms.
    if s[..5] == [0; 5] && (s[5] == 0xffff || s[5] == 0) {
        return non_global_v4(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    // NAT64 (64:ff9b::/96) reaches the IPv4 address in the last 32 bits.
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return non_global_v4(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    // 6to4 (2002::/16) carries an IPv4 address in bits 16..48.
    if s[0] == 0x2002 {
        return non_global_v4(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        ));
    }
    let kind = match s[0] {
        0xfc00..=0xfdff => "unique-local",
        0xfe80..=0xfebf => "link-local",
        0xfec0..=0xfeff => "site-local",
        0xff00..=0xffff => "multicast",
        0x2001 if s[1] == 0x0db8 => "documentation",
        0x0100 if s[1..4] == [0, 0, 0] => "discard-only",
        _ => return None,
    };
    Some(kind)
}

/// Why contacting `addr` is refused under `policy`, as the one-line reason a source reports;
/// `None` when it is allowed.
pub(crate) fn refusal(policy: &AddressPolicy, addr: SocketAddr) -> Option<String> {
    if policy.allow_private_network || policy.exceptions.contains(&addr) {
        return None;
    }
    non_global(addr.ip()).map(|kind| {
        format!(
            "refused: {} is a {kind} address (use --allow-private-network)",
            addr.ip()
        )
    })
}

/// What may be contacted.
#[derive(Debug, Clone, Default)]
pub(crate) struct AddressPolicy {
    pub allow_private_network: bool,
    /// Exact addresses allowed although not global (see `FetchOptions::private_exceptions`).
    pub exceptions: Vec<SocketAddr>,
}

/// A DNS resolver for the HTTP client that answers only from addresses pinned after they
/// passed the policy, never from a fresh lookup.
///
/// The fetcher resolves a host itself, checks every address, and pins the host to them before
/// sending a request; the client's connection then goes to exactly those addresses. A name
/// that was not pinned fails to resolve, so nothing can slip past the check.
#[derive(Debug, Clone, Default)]
pub(crate) struct PinnedResolver {
    pinned: Arc<Mutex<HashMap<String, Vec<SocketAddr>>>>,
}

impl PinnedResolver {
    /// Pins `host` to `addrs`, all of which have passed the policy.
    pub fn pin(&self, host: &str, addrs: Vec<SocketAddr>) {
        self.pinned
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(host.to_ascii_lowercase(), addrs);
    }
}

impl Resolve for PinnedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let found = self
            .pinned
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&name.as_str().to_ascii_lowercase())
            .cloned();
        let host = name.as_str().to_string();
        Box::pin(async move {
            match found {
                Some(addrs) => Ok(Box::new(addrs.into_iter()) as Addrs),
                None => Err(format!("{host} was not resolved through the address policy").into()),
            }
        })
    }
}

/// Resolves `host` (a name or an IP literal) on `port` and checks every address against the
/// policy. Every address must pass: a name that resolves to one public and one private
/// address is refused, since the client could pick either.
pub(crate) async fn resolve_checked(
    policy: &AddressPolicy,
    host: &str,
    port: u16,
) -> Result<Vec<SocketAddr>, String> {
    let literal = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<SocketAddr> = if let Ok(ip) = literal.parse::<IpAddr>() {
        vec![SocketAddr::new(ip, port)]
    } else {
        tokio::net::lookup_host((host, port))
            .await
            .map_err(|e| format!("could not resolve {host}: {e}"))?
            .collect()
    };
    if addrs.is_empty() {
        return Err(format!("could not resolve {host}: no addresses"));
    }
    for addr in &addrs {
        if let Some(reason) = refusal(policy, *addr) {
            return Err(reason);
        }
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ip: &str, expected: Option<&str>) {
        let ip: IpAddr = ip.parse().expect("test addresses are valid");
        assert_eq!(non_global(ip), expected, "{ip}");
    }

    #[test]
    fn classifies_addresses() {
        check("8.8.8.8", None);
        check("93.184.216.34", None);
        check("127.0.0.1", Some("loopback"));
        check("127.8.9.10", Some("loopback"));
        check("10.0.0.1", Some("private"));
        check("172.16.0.1", Some("private"));
        check("172.31.255.255", Some("private"));
        check("172.32.0.1", None);
        check("192.168.1.1", Some("private"));
        check("169.254.169.254", Some("link-local"));
        check("0.0.0.0", Some("unspecified"));
        check("100.100.100.200", Some("shared (carrier-grade nat)"));
        check("224.0.0.1", Some("multicast"));
        check("255.255.255.255", Some("reserved"));
        check("::", Some("unspecified"));
        check("::1", Some("loopback"));
        check("fd00::1", Some("unique-local"));
        check("fe80::1", Some("link-local"));
        check("::ffff:127.0.0.1", Some("loopback"));
        check("::ffff:169.254.169.254", Some("link-local"));
        check("64:ff9b::a00:1", Some("private"));
        check("2002:c0a8:0101::1", Some("private"));
        check("2001:db8::1", Some("documentation"));
        check("2606:4700:4700::1111", None);
        check("::ffff:8.8.8.8", None);
    }

    #[test]
    fn the_resolver_answers_only_pinned_names() {
        use std::str::FromStr;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a test runtime");
        let resolver = PinnedResolver::default();
        let checked: SocketAddr = "93.184.216.34:80".parse().expect("valid");
        resolver.pin("Example.com", vec![checked]);
        let name = |n: &str| Name::from_str(n).expect("a valid name");
        let found: Vec<SocketAddr> = runtime
            .block_on(resolver.resolve(name("example.com")))
            .expect("pinned")
            .collect();
        assert_eq!(found, [checked]);
        let error = runtime
            .block_on(resolver.resolve(name("rebind.example")))
            .err()
            .expect("not pinned");
        assert_eq!(
            error.to_string(),
            "rebind.example was not resolved through the address policy"
        );
    }

    #[test]
    fn refuses_a_name_with_any_private_address() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a test runtime");
        let policy = AddressPolicy::default();
        let refused = runtime
            .block_on(resolve_checked(&policy, "localhost", 80))
            .expect_err("localhost is loopback");
        assert!(refused.starts_with("refused: "), "{refused}");
        let refused = runtime
            .block_on(resolve_checked(&policy, "[::1]", 80))
            .expect_err("loopback literal");
        assert_eq!(
            refused,
            "refused: ::1 is a loopback address (use --allow-private-network)"
        );
    }

    #[test]
    fn exceptions_allow_exact_addresses_only() {
        let addr: SocketAddr = "127.0.0.1:8080".parse().expect("valid");
        let policy = AddressPolicy {
            allow_private_network: false,
            exceptions: vec![addr],
        };
        assert_eq!(refusal(&policy, addr), None);
        let other: SocketAddr = "127.0.0.1:8081".parse().expect("valid");
        assert_eq!(
            refusal(&policy, other).as_deref(),
            Some("refused: 127.0.0.1 is a loopback address (use --allow-private-network)")
        );
    }
}
