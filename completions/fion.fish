# fish completion for fion: fion msg completes commands, request types, event names and
# the running Fion's workspaces (fion __complete knows them).
complete -c fion -f -a '(fion __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
