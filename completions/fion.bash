# bash completion for fion: fion msg completes commands, request types, event names and
# the running Fion's workspaces (fion __complete knows them).
_fion() {
  local IFS=$'\n'
  COMPREPLY=($(fion __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -F _fion fion
