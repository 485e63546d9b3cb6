#!/usr/bin/env bash
# Checks the deployment examples in docs/deploy/:
#   - nginx.conf passes `nginx -t` (with a throw-away self-signed certificate in place of the real one);
#   - its client_max_body_size equals the server's largest body limit: the larger of `lianbing serve --max-body-kb`
#     (default in Sources/LianbingCLI/ServeCommand.swift, or the value lianbing.service passes) and the largest upload
#     limit (Sources/LianbingServer/Middleware/UploadLimit.swift); the server holds each route to its own;
#   - the systemd units pass `systemd-analyze verify`, where that works without a running systemd (else skipped).
# Needs nginx and openssl (Scripts/test installs them). Works as root or as any user; nothing outside a temporary
# directory is touched.
set -euo pipefail
cd "$(dirname "$0")/../.."

site=docs/deploy/nginx.conf
serve=Sources/LianbingCLI/ServeCommand.swift
scan=Sources/LianbingCore/Recognition/NationalQualificationDraft.swift
uploads=Sources/LianbingServer/Middleware/UploadLimit.swift
unit=docs/deploy/lianbing.service

fail() { echo "check-nginx: $*" >&2; exit 1; }

for tool in nginx openssl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || fail "$tool is not installed (apt-get install $tool)"
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)

# --- client_max_body_size must equal the server's largest limit -----------------------------------------------
bytes() { # nginx size (2m, 2048k, 2097152) -> bytes
  local value=$1 number unit
  [[ $value =~ ^([0-9]+)([kKmMgG]?)$ ]] || fail "$site: cannot read client_max_body_size '$value'"
  number=${BASH_REMATCH[1]}; unit=${BASH_REMATCH[2],,}
  case $unit in
    k) echo $((number * 1024)) ;;
    m) echo $((number * 1024 * 1024)) ;;
    g) echo $((number * 1024 * 1024 * 1024)) ;;
    *) echo "$number" ;;
  esac
}

default_kb=$(sed -nE 's/^[[:space:]]*var maxBodyKb = ([0-9]+).*/\1/p' "$serve")
[ -n "$default_kb" ] && [ "$(wc -l <<<"$default_kb")" = 1 ] \
  || fail "$serve: cannot find 'var maxBodyKb = N' (the default of --max-body-kb); update this script"
expected_kb=$default_kb
origin="the default of --max-body-kb in $serve"
unit_kb=$(sed -nE 's/^ExecStart=.*--max-body-kb[ =]([0-9]+).*/\1/p' "$unit")
if [ -n "$unit_kb" ]; then expected_kb=$unit_kb; origin="--max-body-kb in $unit"; fi

# The upload routes' own limits: `UploadLimit(bytes: N * 1024 * 1024)` in $uploads, and the scan's ScanFormat.maxBytes.
scan_mb=$(sed -nE 's/^[[:space:]]*public static let maxBytes = ([0-9]+) \* 1024 \* 1024.*/\1/p' "$scan")
[ -n "$scan_mb" ] || fail "$scan: cannot find 'public static let maxBytes = N * 1024 * 1024'; update this script"
upload_mb=$( (sed -nE 's/.*UploadLimit\(bytes: ([0-9]+) \* 1024 \* 1024\).*/\1/p' "$uploads"; echo "$scan_mb") | sort -n | tail -1)
expected=$((expected_kb * 1024))
if [ $((upload_mb * 1024 * 1024)) -gt $expected ]; then
  expected=$((upload_mb * 1024 * 1024)); origin="the largest upload limit, ${upload_mb} MB ($uploads)"
fi

# One server-level limit (indented 4 spaces); the server itself holds each route to its own, so no location sets one.
sizes=$(sed -nE 's/^    client_max_body_size[[:space:]]+([^;[:space:]]+)[[:space:]]*;.*/\1/p' "$site")
[ -n "$sizes" ] || fail "$site: no client_max_body_size (it must equal $origin: $expected bytes)"
[ "$(wc -l <<<"$sizes")" = 1 ] || fail "$site: client_max_body_size appears more than once ($(echo $sizes)); keep one"
if [ "$(bytes "$sizes")" != $expected ]; then
  fail "$site: client_max_body_size $sizes ($(bytes "$sizes") bytes) differs from $origin ($expected bytes);" \
       "change both together"
fi
if grep -qE '^[[:space:]]{5,}client_max_body_size' "$site"; then
  fail "$site: a location sets its own client_max_body_size; lianbing holds each route to its limit, keep only the server's"
fi

# --- nginx -t on the example, with a throw-away certificate -------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>"$tmp/openssl.log" \
  || { cat "$tmp/openssl.log" >&2; fail "openssl could not make a test certificate"; }

grep -q '/etc/ssl/lianbing/fullchain.pem;' "$site" && grep -q '/etc/ssl/lianbing/privkey.pem;' "$site" \
  || fail "$site: expected ssl_certificate /etc/ssl/lianbing/fullchain.pem and ssl_certificate_key /etc/ssl/lianbing/privkey.pem"
sed -e "s#/etc/ssl/lianbing/fullchain.pem#$tmp/fullchain.pem#g" \
    -e "s#/etc/ssl/lianbing/privkey.pem#$tmp/privkey.pem#g" "$site" >"$tmp/site.conf"
# `nginx -t` binds the listening ports (a port already in use is fine, a forbidden one is not): without root,
# ports 80 and 443 become 10080 and 10443.
if [ "$(id -u)" != 0 ]; then
  sed -i -E -e 's/^([[:space:]]*listen[[:space:]]+([^[:space:];]*:)?)80([[:space:];])/\110080\3/' \
            -e 's/^([[:space:]]*listen[[:space:]]+([^[:space:];]*:)?)443([[:space:];])/\110443\3/' "$tmp/site.conf"
fi

# A minimal main configuration: everything nginx writes stays in $tmp, so no root is needed.
mkdir -p "$tmp/logs"
cat >"$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events {}
http {
    access_log $tmp/logs/access.log;
    client_body_temp_path $tmp/client_body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/site.conf;
}
CONF

# -p and -e keep nginx from touching its compiled-in prefix and log (not writable without root).
if ! "$nginx" -t -q -p "$tmp/" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf" 2>"$tmp/nginx-t.log"; then
  sed "s#$tmp/site.conf#$site#g" "$tmp/nginx-t.log" >&2
  fail "nginx -t rejects $site"
fi

# --- systemd units, where systemd-analyze can check them here ---------------------------------------------
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$tmp/units" "$tmp/bin"
  # The units' programs must exist for `verify`: stand-ins at the same names under $tmp.
  printf '#!/bin/sh\nexit 0\n' >"$tmp/bin/lianbing"; chmod +x "$tmp/bin/lianbing"
  printf '[Unit]\nDescription=probe\n[Service]\nExecStart=/bin/true\n' >"$tmp/units/probe.service"
  if systemd-analyze verify "$tmp/units/probe.service" >/dev/null 2>&1; then
    for file in docs/deploy/lianbing.service docs/deploy/lianbing-backup.service docs/deploy/lianbing-backup.timer; do
      sed "s#/opt/lianbing/bin/lianbing#$tmp/bin/lianbing#g" "$file" >"$tmp/units/$(basename "$file")"
    done
    rm "$tmp/units/probe.service"
    set +e
    report=$(cd "$tmp/units" && systemd-analyze verify lianbing.service lianbing-backup.service lianbing-backup.timer 2>&1)
    status=$?
    set -e
    # Warnings about the unit files themselves (unknown keys, bad values) count as failures too.
    problems=$(grep -E "^$tmp/units/[^:]+:[0-9]+:" <<<"$report" || true)
    if [ $status != 0 ] || [ -n "$problems" ]; then
      sed "s#$tmp/units/#docs/deploy/#g; s#$tmp/bin/#/opt/lianbing/bin/#g" <<<"$report" >&2
      fail "systemd-analyze verify rejects the units in docs/deploy/"
    fi
  fi
fi

echo "nginx example: ok"
