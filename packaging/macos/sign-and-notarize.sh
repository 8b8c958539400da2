#!/usr/bin/env bash
# Signs the macOS app (hardened runtime), makes and signs the .dmg, notarizes and staples. packaging/build-image
# calls it; it also runs alone on a built app. macOS only (codesign, hdiutil, xcrun).
#
#   sign-and-notarize.sh app APP.app            sign every Mach-O file inside, the runtime bundle, then the app
#   sign-and-notarize.sh dmg APP.app OUT.dmg    notarize + staple the app, make OUT.dmg from it, sign, notarize
#                                               and staple the dmg
#
# Environment:
#   MAC_SIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)"; unset or "-": ad hoc (runs on this Mac only,
#                       no notarization)
#   MAC_KEYCHAIN        keychain holding the identity (default: the search list)
#   Notarization, one of (none set: signed, not notarized):
#     MAC_NOTARY_PROFILE                                   a profile saved by `xcrun notarytool store-credentials`
#     MAC_NOTARY_KEY, MAC_NOTARY_KEY_ID, MAC_NOTARY_ISSUER App Store Connect API key (.p8 file), its id, issuer id
#     MAC_NOTARY_APPLE_ID, MAC_NOTARY_TEAM_ID, MAC_NOTARY_PASSWORD   Apple ID, team, app-specific password
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
entitlements="$here/entitlements.plist"
identity=${MAC_SIGN_IDENTITY:--}

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "signing needs macOS (codesign, hdiutil, xcrun)"

codesign_args() {
  printf '%s\n' --force --sign "$identity"
  if [ "$identity" != "-" ]; then printf '%s\n' --timestamp; fi
  if [ -n "${MAC_KEYCHAIN:-}" ]; then printf '%s\n' --keychain "$MAC_KEYCHAIN"; fi
}

# codesign with the common options (bash 3.2: no mapfile).
sign() {
  local args=() line
  while IFS= read -r line; do args+=("$line"); done < <(codesign_args)
  codesign "${args[@]}" "$@"
}

sign_app() {
  local app=$1 file
  [ -d "$app/Contents/MacOS" ] || die "$app is not an app bundle"
  say "signing $app as '$identity' (hardened runtime, $(basename "$entitlements"))"
  # Inside out: every Mach-O file (launcher, JVM, dylibs, JNA's library), then the runtime bundle, then the app.
  # The entitlements go on everything executable; they are ignored on libraries.
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q 'Mach-O'; then
      sign --options runtime --entitlements "$entitlements" "$file"
    fi
  done < <(find "$app/Contents" -type f -print0)
  if [ -d "$app/Contents/runtime" ]; then
    sign --options runtime --entitlements "$entitlements" "$app/Contents/runtime"
  fi
  sign --options runtime --entitlements "$entitlements" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
}

have_notary_credentials() {
  [ -n "${MAC_NOTARY_PROFILE:-}" ] || [ -n "${MAC_NOTARY_KEY:-}" ] || [ -n "${MAC_NOTARY_APPLE_ID:-}" ]
}

notary_auth() {
  if [ -n "${MAC_NOTARY_PROFILE:-}" ]; then
    printf '%s\n' --keychain-profile "$MAC_NOTARY_PROFILE"
  elif [ -n "${MAC_NOTARY_KEY:-}" ]; then
    printf '%s\n' --key "$MAC_NOTARY_KEY" --key-id "${MAC_NOTARY_KEY_ID:?MAC_NOTARY_KEY_ID}" \
      --issuer "${MAC_NOTARY_ISSUER:?MAC_NOTARY_ISSUER}"
  else
    printf '%s\n' --apple-id "$MAC_NOTARY_APPLE_ID" --team-id "${MAC_NOTARY_TEAM_ID:?MAC_NOTARY_TEAM_ID}" \
      --password "${MAC_NOTARY_PASSWORD:?MAC_NOTARY_PASSWORD}"
  fi
}

# Submits $1 (a .zip or .dmg), waits for the verdict, prints the log when it is not Accepted.
notarize() {
  local file=$1 auth=() line result id
  while IFS= read -r line; do auth+=("$line"); done < <(notary_auth)
  say "notarizing $(basename "$file") (xcrun notarytool submit --wait)"
  result=$(xcrun notarytool submit "$file" "${auth[@]}" --wait --output-format json) || true
  printf '%s\n' "$result" >&2
  id=$(printf '%s' "$result" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -n 1)
  if ! printf '%s' "$result" | grep -q '"status" *: *"Accepted"'; then
    if [ -n "$id" ]; then xcrun notarytool log "$id" "${auth[@]}" >&2 || true; fi
    die "notarization of $file was not accepted"
  fi
}

make_dmg() {
  local app=$1 dmg=$2 staging volume
  volume=$(basename "$app" .app)
  staging=$(mktemp -d)
  # ditto keeps what the signature covers (attributes, symlinks); the Applications link lets users drag to install.
  ditto "$app" "$staging/$(basename "$app")"
  ln -s /Applications "$staging/Applications"
  rm -f "$dmg"
  hdiutil create -volname "$volume" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
  rm -rf "$staging"
}

case "${1:-}" in
  app)
    [ $# -eq 2 ] || die "usage: $0 app APP.app"
    sign_app "$2"
    ;;
  dmg)
    [ $# -eq 3 ] || die "usage: $0 dmg APP.app OUT.dmg"
    app=$2
    dmg=$3
    codesign --verify --strict "$app" || sign_app "$app"
    if [ "$identity" != "-" ] && have_notary_credentials; then
      # The app first, so its own ticket is stapled to it and it opens offline once dragged out of the dmg.
      zip_file=$(mktemp -d)/app.zip
      ditto -c -k --keepParent "$app" "$zip_file"
      notarize "$zip_file"
      rm -f "$zip_file"
      xcrun stapler staple "$app"
    fi
    say "making $dmg"
    make_dmg "$app" "$dmg"
    if [ "$identity" != "-" ]; then
      sign "$dmg"
      if have_notary_credentials; then
        notarize "$dmg"
        xcrun stapler staple "$dmg"
        xcrun stapler validate "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg" || true
      else
        say "no notary credentials: $dmg is signed, not notarized"
      fi
    fi
    say "dmg: $dmg"
    ;;
  *)
    sed -n '2,20p' "$0"
    exit 2
    ;;
esac
