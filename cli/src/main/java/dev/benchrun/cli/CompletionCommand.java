package dev.benchrun.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code benchrun generate-completion}: picocli's bash/zsh script, which completes commands,
 * options and the values known when it is generated (formats, {@code --fail-on}, list topics, the
 * shipped profiles), and after it a function that completes what only the store or the working
 * directory knows (baseline names, run ids, the user's profiles) by asking {@code benchrun complete}
 * when Tab is pressed. The values of an option or parameter are asked for where its
 * {@code completionCandidates} is a {@link StoredNames}; nothing else starts a JVM.
 */
@Command(
        name = "generate-completion",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Print a bash/zsh completion script for benchrun, e.g. source <(benchrun generate-completion).")
final class CompletionCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    CompletionCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var root = spec.root();
        var out = services.context().out();
        out.print(AutoComplete.bash(root.name(), root.commandLine()));
        out.print(stored(root));
        return 0;
    }

    /** The function that completes stored names, and its registration in place of picocli's own. */
    static String stored(CommandSpec root) {
        var takesValue = new LinkedHashSet<String>();
        var cases = new ArrayList<String>();
        addCommand("", root, takesValue, cases);
        for (Map.Entry<String, picocli.CommandLine> sub : root.subcommands().entrySet()) {
            var spec = sub.getValue().getCommandSpec();
            if (!spec.usageMessage().hidden()) {
                addCommand(sub.getKey(), spec, takesValue, cases);
            }
        }
        String name = root.name();
        return TEMPLATE.replace("@TAKES_VALUE@", patterns(takesValue))
                .replace("@CASES@", String.join("\n", cases))
                .replace("@NAME@", name);
    }

    private static void addCommand(String command, CommandSpec spec, Set<String> takesValue, List<String> cases) {
        for (var option : spec.options()) {
            if (option.arity().max() < 1 || option.hidden()) {
                continue;
            }
            var keys = java.util.Arrays.stream(option.names())
                    .map(n -> command + "|" + n)
                    .toList();
            takesValue.addAll(keys);
            addCase(keys, option, cases);
        }
        for (var positional : spec.positionalParameters()) {
            var index = positional.index();
            var keys = new ArrayList<String>();
            if (index.max() == Integer.MAX_VALUE || positional.arity().max() > 1) {
                keys.add(command + "|@+");
            } else {
                for (int i = index.min(); i <= index.max(); i++) {
                    keys.add(command + "|@" + i);
                }
            }
            addCase(keys, positional, cases);
        }
    }

    private static void addCase(List<String> keys, ArgSpec arg, List<String> cases) {
        if (!(arg.completionCandidates() instanceof StoredNames names)) {
            return;
        }
        var known = new ArrayList<String>();
        names.forEach(known::add);
        cases.add("    " + patterns(keys) + ") known=(" + String.join(" ", known) + "); asked=("
                + names.asked().stream().map(Object::toString).collect(Collectors.joining(" ")) + "); files="
                + (names.files() ? 1 : 0) + " ;;");
    }

    /** {@code 'run|--profile'|'profile|--profile'}: keys are option names and command names, never quotes. */
    private static String patterns(Iterable<String> keys) {
        var quoted = new ArrayList<String>();
        keys.forEach(k -> quoted.add(k.endsWith("+") ? "'" + k.substring(0, k.length() - 1) + "'*" : "'" + k + "'"));
        return String.join("|", quoted);
    }

    private static final String TEMPLATE = """

            # Names only the store or the working directory knows (baselines, run ids, the user's own
            # profiles), asked of '@NAME@ complete TOPIC' when they are completed; everything else is
            # picocli's _complete_@NAME@ above.
            function _@NAME@_takes_value() {
              case "$1" in
                @TAKES_VALUE@) return 0 ;;
              esac
              return 1
            }

            function _@NAME@_stored() {
              local cur=${COMP_WORDS[COMP_CWORD]}
              local prev=''
              (( COMP_CWORD > 1 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
              if [[ $prev == '=' ]] && (( COMP_CWORD > 2 )); then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
              local cmd='' positional=0 i word
              local store=()
              for (( i = 1; i < COMP_CWORD; i++ )); do
                word=${COMP_WORDS[i]}
                if [[ $word == -* ]]; then
                  if _@NAME@_takes_value "$cmd|$word"; then
                    [[ ${COMP_WORDS[i+1]} == '=' ]] && (( i++ ))
                    (( i + 1 < COMP_CWORD )) && [[ $word == --store ]] && store=(--store "${COMP_WORDS[i+1]}")
                    (( i++ ))
                  fi
                elif [[ -z $cmd ]]; then
                  cmd=$word
                else
                  (( positional++ ))
                fi
              done
              local key
              if [[ $prev == -* ]] && _@NAME@_takes_value "$cmd|$prev"; then
                key="$cmd|$prev"
              elif [[ $cur != -* && -n $cmd ]]; then
                key="$cmd|@$positional"
              else
                return 1
              fi
              local known=() asked=() files=0
              case "$key" in
            @CASES@
                *) return 1 ;;
              esac
              COMPREPLY=()
              local name topic
              for name in "${known[@]}"; do
                [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
              done
              for topic in "${asked[@]}"; do
                # Only a working directory with profiles/ has profiles of its own: no JVM otherwise.
                [[ $topic == profiles && ! -d profiles ]] && continue
                while IFS= read -r name; do
                  [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
                done < <("${COMP_WORDS[0]}" "${store[@]}" complete "$topic" 2>/dev/null)
              done
              if (( ${#COMPREPLY[@]} == 0 && files )); then
                # A side, a run or a profile may also be a file.
                type compopt &>/dev/null && compopt -o filenames 2>/dev/null
                while IFS= read -r name; do COMPREPLY+=("$name"); done < <(compgen -f -- "$cur")
              fi
              return 0
            }

            function _complete_@NAME@_stored() {
              _@NAME@_stored || _complete_@NAME@ "$@"
            }

            complete -F _complete_@NAME@_stored -o default @NAME@ @NAME@.sh @NAME@.bash
            """;
}
