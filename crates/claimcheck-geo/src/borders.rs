//! Country boundaries (Natural Earth 1:10m admin-0): point in country, distance to a border.

use crate::GeoError;
use crate::geodesic::{LatLon, nearest_on_segment};

const BORDERS_BIN: &[u8] = include_bytes!("../../../corpora/geo/borders.bin");
const MAGIC: &[u8; 8] = b"CCGEOBRD";
const FORMAT: u32 = 1;
const HEADER_LEN: usize = 64;
const COUNTRY_LEN: usize = 12;
const ARC_LEN: usize = 8;
const CHUNK_LEN: usize = 24;

/// Mean Earth radius, used only to turn kilometres into angles for the approximate scan.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// The scan measures on a sphere, which is off from the ellipsoid by under 0.7%; keeping every
/// segment within 2% (plus a kilometre) of the best approximate distance ensures that the
/// segment nearest on the ellipsoid is among those measured precisely.
const SLACK: f64 = 1.02;
const SLACK_KM: f64 = 1.0;
/// A cap on the segments measured precisely, reached only where a long stretch of boundary is
/// all at the same distance (a point at the centre of a round bay).
const MAX_CANDIDATES: usize = 48;

/// How far a point is from a country's boundary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BorderDistance {
    /// The geodesic distance to the boundary in kilometres; 0 when the point is inside.
    pub km: f64,
    /// The nearest point of the boundary as (latitude, longitude).
    pub nearest: LatLon,
    /// Whether the point lies inside the country.
    pub inside: bool,
    /// The geodesic distance to the nearest boundary point, also when the point is inside.
    pub boundary_km: f64,
}

/// The boundary blob written by `corpora/geo/build.py`, read where it lies (see the format in
/// `corpora/geo/README.md`): nothing is decoded until a country is asked for.
pub struct Borders {
    data: &'static [u8],
    n_countries: usize,
    countries_at: usize,
    arcs_at: usize,
    chunks_at: usize,
    refs_at: usize,
    points_at: usize,
    n_points: usize,
    scale: (f64, f64),
    translate: (f64, f64),
}

/// A run of up to 32 boundary points with its bounding box in quantised units.
struct Chunk {
    start: usize,
    len: usize,
    min: (i32, i32),
    max: (i32, i32),
}

impl Borders {
    /// Checks the bundled blob's header and sizes.
    pub fn bundled() -> Result<Borders, GeoError> {
        Borders::from_bytes(BORDERS_BIN)
    }

    fn from_bytes(data: &'static [u8]) -> Result<Borders, GeoError> {
        let bad = |why: &str| GeoError::Borders(why.to_string());
        if data.len() < HEADER_LEN || &data[..8] != MAGIC {
            return Err(bad("not a claimcheck borders file"));
        }
        let word = |i: usize| read_u32(data, 8 + 4 * i) as usize;
        if word(0) != FORMAT as usize {
            return Err(GeoError::Format {
                file: "borders.bin",
                expected: "CCGEOBRD",
                version: FORMAT,
            });
        }
        let (n_countries, n_arcs, n_chunks, n_points, n_refs) =
            (word(1), word(2), word(3), word(4), word(5));
        let countries_at = HEADER_LEN;
        let arcs_at = countries_at + n_countries * COUNTRY_LEN;
        let chunks_at = arcs_at + n_arcs * ARC_LEN;
        let refs_at = chunks_at + n_chunks * CHUNK_LEN;
        let points_at = refs_at + n_refs * 4;
        if points_at + n_points * 8 != data.len() {
            return Err(bad(
                "the section sizes in the header do not add up to the file size",
            ));
        }
        Ok(Borders {
            data,
            n_countries,
            countries_at,
            arcs_at,
            chunks_at,
            refs_at,
            points_at,
            n_points,
            scale: (read_f64(data, 32), read_f64(data, 40)),
            translate: (read_f64(data, 48), read_f64(data, 56)),
        })
    }

    /// The ISO alpha-2 codes of the countries that have a boundary, in order.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.n_countries).filter_map(|i| self.code(i))
    }

    fn code(&self, i: usize) -> Option<&'static str> {
        let at = self.countries_at + i * COUNTRY_LEN;
        std::str::from_utf8(&self.data[at..at + 2]).ok()
    }

    fn country_index(&self, iso2: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.n_countries);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.code(mid)?.cmp(iso2) {
                std::cmp::Ordering::Equal => return Some(mid),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// The boundary arcs of country `i`, in ascending order.
    fn arcs(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let at = self.countries_at + i * COUNTRY_LEN;
        let (ref_start, ref_len) = (
            read_u32(self.data, at + 4) as usize,
            read_u32(self.data, at + 8) as usize,
        );
        (ref_start..ref_start + ref_len).map(|r| read_u32(self.data, self.refs_at + 4 * r) as usize)
    }

    /// The chunks of arc `arc`.
    fn arc_chunks(&self, arc: usize) -> impl Iterator<Item = Chunk> + '_ {
        let at = self.arcs_at + arc * ARC_LEN;
        let first = read_u32(self.data, at) as usize;
        let count = read_u32(self.data, at + 4) as usize;
        (first..first + count).map(move |c| {
            let at = self.chunks_at + c * CHUNK_LEN;
            let w = |k: usize| read_u32(self.data, at + 4 * k);
            Chunk {
                start: w(0) as usize,
                len: w(1) as usize,
                min: (w(2) as i32, w(3) as i32),
                max: (w(4) as i32, w(5) as i32),
            }
        })
    }

    /// The chunks of every boundary arc of country `i`.
    fn chunks(&self, i: usize) -> impl Iterator<Item = Chunk> + '_ {
        self.arcs(i).flat_map(|arc| self.arc_chunks(arc))
    }

    /// Point `k` in quantised units.
    fn raw(&self, k: usize) -> (i32, i32) {
        debug_assert!(k < self.n_points);
        let at = self.points_at + 8 * k;
        (
            read_u32(self.data, at) as i32,
            read_u32(self.data, at + 4) as i32,
        )
    }

    fn to_lat_lon(&self, (x, y): (i32, i32)) -> LatLon {
        (
            f64::from(y) * self.scale.1 + self.translate.1,
            f64::from(x) * self.scale.0 + self.translate.0,
        )
    }

    fn quantise(&self, (lat, lon): LatLon) -> (f64, f64) {
        (
            (normalise_lon(lon) - self.translate.0) / self.scale.0,
            (lat - self.translate.1) / self.scale.1,
        )
    }

    /// Whether the country with code `iso2` contains the point; `None` if it has no boundary.
    pub fn contains(&self, iso2: &str, p: LatLon) -> Option<bool> {
        self.country_index(iso2).map(|i| self.contains_index(i, p))
    }

    /// Even-odd ray casting towards the north pole over every boundary arc. The blob keeps only
    /// the arcs a country uses an odd number of times, which leaves the parity unchanged.
    ///
    /// world-atlas stitches rings across the antimeridian (Chukotka, Fiji), so an edge may jump
    /// from 180 degrees east to 180 west: edges are taken the short way round. A ray along the
    /// meridian needs no such care at its own end, and no ring encloses the north pole.
    fn contains_index(&self, i: usize, p: LatLon) -> bool {
        let (px, py) = self.quantise(p);
        let world = 360.0 / self.scale.0;
        let half = world / 2.0;
        let mut inside = false;
        for chunk in self.chunks(i) {
            let (min_x, max_x) = (f64::from(chunk.min.0), f64::from(chunk.max.0));
            if py > f64::from(chunk.max.1) || px < min_x || px > max_x {
                continue;
            }
            let mut a = self.raw(chunk.start);
            for k in chunk.start + 1..chunk.start + chunk.len {
                let b = self.raw(k);
                let (x1, y1) = (f64::from(a.0), f64::from(a.1));
                let (x2, y2) = (f64::from(b.0), f64::from(b.1));
                let mut dx = x2 - x1;
                if dx > half {
                    dx -= world;
                } else if dx < -half {
                    dx += world;
                }
                // The point's longitude relative to the edge's start, the short way round.
                let q = (px - x1 + half).rem_euclid(world) - half;
                if (0.0 > q) != (dx > q) {
                    let y = y1 + (q / dx) * (y2 - y1);
                    if y > py {
                        inside = !inside;
                    }
                }
                a = b;
            }
        }
        inside
    }

    /// The country (ISO alpha-2 code) whose boundary contains the point, if any.
    pub fn country_at(&self, p: LatLon) -> Option<&'static str> {
        (0..self.n_countries)
            .find(|&i| self.contains_index(i, p))
            .and_then(|i| self.code(i))
    }

    /// The shortest geodesic distance from `p` to the boundary of the country `iso2`.
    pub fn distance_to_border(&self, p: LatLon, iso2: &str) -> Option<BorderDistance> {
        let i = self.country_index(iso2)?;
        let (nearest, metres) = self.nearest_on(p, self.chunks(i))?;
        let inside = self.contains_index(i, p);
        let boundary_km = metres / 1000.0;
        Some(BorderDistance {
            km: if inside { 0.0 } else { boundary_km },
            nearest,
            inside,
            boundary_km,
        })
    }

    /// The shortest geodesic distance from `p` to the border that countries `a` and `b` share
    /// (the boundary arcs both use), or `None` if they share none. `inside` says whether `p`
    /// is in either country.
    pub fn distance_to_shared_border(&self, p: LatLon, a: &str, b: &str) -> Option<BorderDistance> {
        let (i, j) = (self.country_index(a)?, self.country_index(b)?);
        let theirs: std::collections::HashSet<usize> = self.arcs(j).collect();
        let shared: Vec<usize> = self.arcs(i).filter(|arc| theirs.contains(arc)).collect();
        let (nearest, metres) =
            self.nearest_on(p, shared.iter().flat_map(|&arc| self.arc_chunks(arc)))?;
        let km = metres / 1000.0;
        Some(BorderDistance {
            km,
            nearest,
            inside: self.contains_index(i, p) || self.contains_index(j, p),
            boundary_km: km,
        })
    }

    /// The nearest point to `p` on the given boundary chunks, and its distance in metres.
    ///
    /// A scan on the unit sphere, with a bounding-box test per chunk, finds the few segments
    /// that can be nearest; each is then measured on the WGS84 ellipsoid, with the nearest
    /// point on it found by a golden-section search, so the distance is a true geodesic one.
    fn nearest_on(&self, p: LatLon, chunks: impl Iterator<Item = Chunk>) -> Option<(LatLon, f64)> {
        let pv = unit(p);
        let slack_rad = SLACK_KM / EARTH_RADIUS_KM;
        let mut best = f64::INFINITY;
        let mut candidates: Vec<(f64, LatLon, LatLon)> = Vec::new();
        for chunk in chunks {
            let lo = self.to_lat_lon(chunk.min);
            let hi = self.to_lat_lon(chunk.max);
            if box_lower_bound(p, lo, hi) > best * SLACK + slack_rad {
                continue;
            }
            let mut a = self.to_lat_lon(self.raw(chunk.start));
            let mut av = unit(a);
            for k in chunk.start + 1..chunk.start + chunk.len {
                let b = self.to_lat_lon(self.raw(k));
                let bv = unit(b);
                if !on_antimeridian(a, b) {
                    let d = segment_angle(pv, av, bv);
                    if d <= best * SLACK + slack_rad {
                        candidates.push((d, a, b));
                        best = best.min(d);
                    }
                }
                a = b;
                av = bv;
            }
        }
        candidates.retain(|c| c.0 <= best * SLACK + slack_rad);
        candidates.sort_by(|x, y| x.0.total_cmp(&y.0));
        candidates.truncate(MAX_CANDIDATES);
        candidates
            .iter()
            .map(|&(_, a, b)| nearest_on_segment(p, a, b))
            .min_by(|x, y| x.1.total_cmp(&y.1))
    }
}

fn read_u32(data: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&data[at..at + 4]);
    u32::from_le_bytes(b)
}

fn read_f64(data: &[u8], at: usize) -> f64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&data[at..at + 8]);
    f64::from_le_bytes(b)
}

fn normalise_lon(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// Natural Earth cuts countries that cross the antimeridian (Russia, Fiji) along it; those cut
/// lines are not borders.
fn on_antimeridian(a: LatLon, b: LatLon) -> bool {
    a.1.abs() > 179.999 && b.1.abs() > 179.999 && a.1.signum() == b.1.signum()
}

type Vec3 = [f64; 3];

fn unit((lat, lon): LatLon) -> Vec3 {
    let (sl, cl) = lat.to_radians().sin_cos();
    let (so, co) = lon.to_radians().sin_cos();
    [cl * co, cl * so, sl]
}

fn dot(a: Vec3, b: Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: Vec3, b: Vec3) -> Vec3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn norm(a: Vec3) -> f64 {
    dot(a, a).sqrt()
}

/// The angle between two unit vectors, accurate for small angles too.
fn angle(a: Vec3, b: Vec3) -> f64 {
    norm(cross(a, b)).atan2(dot(a, b))
}

/// The angular distance on the unit sphere from `p` to the great-circle segment `a`-`b`.
fn segment_angle(p: Vec3, a: Vec3, b: Vec3) -> f64 {
    let n = cross(a, b);
    let len = norm(n);
    if len < 1e-15 {
        return angle(p, a);
    }
    let n = [n[0] / len, n[1] / len, n[2] / len];
    let off = dot(p, n);
    // The foot of the perpendicular lies between the ends when it is on the inner side of both.
    let foot = [p[0] - off * n[0], p[1] - off * n[1], p[2] - off * n[2]];
    if dot(cross(a, foot), n) >= 0.0 && dot(cross(foot, b), n) >= 0.0 {
        off.abs().min(1.0).asin()
    } else {
        angle(p, a).min(angle(p, b))
    }
}

/// A lower bound of the angular distance from `p` to any point of the box `lo`-`hi`: the
/// latitude difference, and the distance to the nearest meridian of the box (which every point
/// of the box lies beyond).
fn box_lower_bound(p: LatLon, lo: LatLon, hi: LatLon) -> f64 {
    let lat_gap = (lo.0 - p.0).max(p.0 - hi.0).max(0.0).to_radians();
    let lon = normalise_lon(p.1);
    let lon_gap = if lon >= lo.1 && lon <= hi.1 {
        0.0
    } else {
        let east = (lo.1 - lon).rem_euclid(360.0);
        let west = (lon - hi.1).rem_euclid(360.0);
        east.min(west).min(90.0)
    };
    let meridian = (p.0.to_radians().cos() * lon_gap.to_radians().sin())
        .clamp(0.0, 1.0)
        .asin();
    lat_gap.max(meridian)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_bound_is_a_lower_bound() {
        let p = (43.1, 131.9);
        let (lo, hi) = ((40.0, 125.0), (42.5, 130.7));
        let bound = box_lower_bound(p, lo, hi);
        let corner = angle(unit(p), unit((42.5, 130.7)));
        assert!(bound <= corner, "{bound} > {corner}");
        assert!(bound > 0.0);
    }

    #[test]
    fn segment_angle_matches_perpendicular() {
        let d = segment_angle(unit((1.0, 0.5)), unit((0.0, 0.0)), unit((0.0, 1.0)));
        assert!((d.to_degrees() - 1.0).abs() < 1e-9, "{}", d.to_degrees());
    }

    /// The scan with its pruning finds the same nearest point as measuring every segment of
    /// the boundary precisely.
    #[test]
    fn pruned_scan_equals_brute_force() {
        let b = Borders::bundled().expect("bundled borders");
        for (p, iso2) in [((43.10562, 131.87353), "KP"), ((47.55839, 7.57327), "FR")] {
            let i = b.country_index(iso2).expect("a country");
            let fast = b.distance_to_border(p, iso2).expect("a distance");
            let mut brute = f64::INFINITY;
            for chunk in b.chunks(i) {
                for k in chunk.start + 1..chunk.start + chunk.len {
                    let (x, y) = (b.to_lat_lon(b.raw(k - 1)), b.to_lat_lon(b.raw(k)));
                    // Only segments that could be near are measured, to keep the test quick.
                    if angle(unit(p), unit(x)) * EARTH_RADIUS_KM < fast.boundary_km + 50.0 {
                        brute = brute.min(nearest_on_segment(p, x, y).1 / 1000.0);
                    }
                }
            }
            assert!(
                (fast.boundary_km - brute).abs() < 1e-6,
                "{iso2}: {} vs {brute}",
                fast.boundary_km
            );
        }
    }

    #[test]
    fn header_is_checked() {
        assert!(
            Borders::from_bytes(
                b"not a borders file at all, not at all, not at all, not at all!!!"
            )
            .is_err()
        );
    }
}
