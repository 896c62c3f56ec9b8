//! A tiny HTTP/1.1 server on 127.0.0.1 for the tests: it serves fixture bodies by path and
//! misbehaves on request (never answers, streams without end, answers in sequence), so that
//! every fault a hostile source can show is exercised against the real client.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers to one request.
#[derive(Clone)]
pub enum Reply {
    /// A whole response with a Content-Length.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// A 200 response of `bytes` bytes of `content_type`, sent without a length in 64 KB pieces
    /// until done or the client goes away.
    Stream { content_type: String, bytes: usize },
    /// Reads the request and never answers.
    Hang,
    /// Reads the request and closes the connection without a word.
    Reset,
    /// Sends the head of a 200 response, then one byte of body every 50 ms, for a minute.
    Trickle,
    /// Waits, then gives the reply.
    Slow(Duration, Box<Reply>),
}

impl Reply {
    pub fn html(body: &str) -> Reply {
        Reply::body(200, "text/html; charset=utf-8", body.as_bytes().to_vec())
    }

    pub fn text(body: &str) -> Reply {
        Reply::body(200, "text/plain; charset=utf-8", body.as_bytes().to_vec())
    }

    pub fn body(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".to_string(), content_type.to_string())],
            body,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::body(
            status,
            "text/plain",
            format!("status {status}").into_bytes(),
        )
    }

    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::status(status).header("Location", location)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Full { headers, .. } = &mut self {
            headers.push((name.to_string(), value.to_string()));
        }
        self
    }
}

#[derive(Default)]
struct State {
    /// Replies by path; the nth request to a path gets the nth reply, the last one repeating.
    routes: HashMap<String, Vec<Reply>>,
    hits: HashMap<String, usize>,
    user_agents: Vec<String>,
    in_flight: usize,
    max_in_flight: usize,
}

pub struct Server {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

impl Server {
    /// Starts a server on a free port of 127.0.0.1. It lives until the test process ends.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let state = Arc::clone(&shared);
                std::thread::spawn(move || serve(stream, &state));
            }
        });
        Server { addr, state }
    }

    pub fn route(&self, path: &str, replies: Vec<Reply>) -> &Server {
        self.state
            .lock()
            .expect("server state")
            .routes
            .insert(path.to_string(), replies);
        self
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn hits(&self, path: &str) -> usize {
        let state = self.state.lock().expect("server state");
        state.hits.get(path).copied().unwrap_or(0)
    }

    pub fn total_hits(&self) -> usize {
        self.state.lock().expect("server state").hits.values().sum()
    }

    /// The most `Slow` replies the server was waiting on at once.
    pub fn max_in_flight(&self) -> usize {
        self.state.lock().expect("server state").max_in_flight
    }

    pub fn user_agents(&self) -> Vec<String> {
        self.state.lock().expect("server state").user_agents.clone()
    }
}

fn serve(mut stream: TcpStream, state: &Mutex<State>) {
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
        if request.len() > 64 * 1024 {
            return;
        }
    }
    let request = String::from_utf8_lossy(&request).into_owned();
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let user_agent = request
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("user-agent")
                .then(|| v.trim().to_string())
        })
        .unwrap_or_default();
    let reply = {
        let mut state = state.lock().expect("server state");
        let n = *state.hits.entry(path.clone()).or_default();
        state.hits.insert(path.clone(), n + 1);
        state.user_agents.push(user_agent);
        match state.routes.get(&path) {
            Some(replies) => replies[n.min(replies.len() - 1)].clone(),
            None => Reply::status(404),
        }
    };
    respond(&mut stream, reply, state);
}

fn respond(stream: &mut TcpStream, reply: Reply, state: &Mutex<State>) {
    match reply {
        Reply::Reset => {}
        Reply::Trickle => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n";
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            for _ in 0..1200 {
                if stream
                    .write_all(b"a")
                    .and_then(|()| stream.flush())
                    .is_err()
                {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Reply::Slow(wait, reply) => {
            // Counted while waiting only, so that the count is down before the client can
            // see the response and send its next request.
            {
                let mut state = state.lock().expect("server state");
                state.in_flight += 1;
                state.max_in_flight = state.max_in_flight.max(state.in_flight);
            }
            std::thread::sleep(wait);
            state.lock().expect("server state").in_flight -= 1;
            respond(stream, *reply, state);
        }
        Reply::Hang => std::thread::sleep(Duration::from_secs(60)),
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} Test\r\n");
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            ));
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Stream {
            content_type,
            bytes,
        } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n"
            );
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let piece = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            while sent < bytes {
                let n = piece.len().min(bytes - sent);
                if stream.write_all(&piece[..n]).is_err() {
                    return;
                }
                sent += n;
            }
        }
    }
}
