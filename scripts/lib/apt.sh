# Sourced by the set-up scripts: installs the Debian packages given, with sudo
# when not root, updating the package lists only when something is missing.
apt_install() {
  [ $# -gt 0 ] || return 0
  echo "setup: installing $*"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$@" > /dev/null
}
