using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Model;
using ConfigConvert.ModuleModel.Tests.Oracle;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// The evaluator on snippets that put the emulated programs and helpers to work the way configs do
/// (quoting, pipes, substitutions), against dash: the value the snippet leaves in <c>r</c> must be
/// the same. The module directory holds <c>config</c>, <c>VERSION</c> and <c>src/x.c</c>.
/// </summary>
public sealed class EvaluatorAgreementTests
{
    public static TheoryData<string> Snippets =>
    [
        // case patterns: quoted characters stand for themselves, escaped ones too
        "case 'b*' in [a-z]\\*) r=y;; *) r=n;; esac",
        "case 'bc' in [a-z]\\*) r=y;; *) r=n;; esac",
        "case 'a*' in \"a*\") r=y;; *) r=n;; esac",
        "case 'ab' in \"a*\") r=y;; *) r=n;; esac",
        "case 'ab' in \"a\"*) r=y;; *) r=n;; esac",
        "p='a*'; case abc in $p) r=y;; *) r=n;; esac",
        "p='a*'; case abc in \"$p\") r=y;; *) r=n;; esac",
        "case ngx_http_x_module in ngx_stream_*|ngx_http_*) r=y;; *) r=n;; esac",

        // affixes
        "x=a.b.c; r=${x%.*}",
        "x=a.b.c; r=${x%\".*\"}",
        "x='a*b'; r=${x#a\\*}",
        "x=$ngx_addon_dir/src/x.c; r=${x##*/}",

        // programs in substitutions and pipes
        "r=$(echo \"a  b\" c)",
        "r=$(echo 'a\\tb')",
        "r=$(echo -n a; echo b)",
        "r=`echo 'a\\c' b`",
        "r=$(printf '%s-' a b)",
        "r=$(printf '%5s|' a)",
        "r=$(echo ngx-a ngx-b | tr - _)",
        "r=$(echo 'a b' | tr '\\n' ' ')",
        "r=$(echo \"$ngx_addon_dir/x\" | sed \"s|^$ngx_addon_dir/||\")",
        "r=$(printf 'a\\nb\\n' | grep -v a)",

        // NUL bytes of a command substitution's output are dropped before its trailing newlines (fuzz: a path that
        // kept one reached the file system's calls, which threw)
        "r=$(printf 'a\\000b')",
        "r=`printf 'a\\n\\000'`",
        "r=$(printf 'a\\000b' | tr a c)",
        "x=$(printf 'x\\000.c'); [ -f \"$ngx_addon_dir/src/$x\" ] && r=y || r=n",
        "x=$(printf 'x\\000.c'); r=$(cat \"$ngx_addon_dir/src/$x\")",
        "r=$(basename \"$ngx_addon_dir/src/x.c\")",
        "r=$(cat \"$ngx_addon_dir/VERSION\")",
        "r=$(sed -n 's/^version = //p' \"$ngx_addon_dir/VERSION\")",
        "r=$(cat <<'END'\n$x\nEND\n)",
        "x=1; r=$(cat <<END\n$x\nEND\n)",

        // test and [
        "[ a = a ] && r=y || r=n",
        "[ a = a && r=y || r=n",
        "if test -f \"$ngx_addon_dir/config\"; then r=y; else r=n; fi",
        "if [ -d \"$ngx_addon_dir/src\" ]; then r=y; else r=n; fi",
        "if [ -s \"$ngx_addon_dir/src/x.c\" ]; then r=y; else r=n; fi",
        "[ 1 -eq x ]; r=$?",

        // cd: into the module's directories, which are on disk; one that is not there fails and stays
        "cd \"$ngx_addon_dir\"; [ -f src/x.c ] && r=y || r=n",
        "cd \"$ngx_addon_dir/src\"; [ -f x.c ] && r=y || r=n",
        "cd \"$ngx_addon_dir\"; [ -d missing ] && r=y || r=n",
        "cd \"$ngx_addon_dir/missing\" 2>/dev/null; r=$?",
        "cd \"$ngx_addon_dir\" && r=y || r=n",
        "cd \"$ngx_addon_dir/src/x.c\" 2>/dev/null || r=n",
        "cd \"$ngx_addon_dir\"; cd missing 2>/dev/null; [ -f src/x.c ] && r=y || r=n",

        // arithmetic
        "r=$((1 + 2 * 3))",
        "i=010; r=$((i + 1))",
        "r=$((2 == 2 < 3))",
        "i=1; : $((i = i + 5)); r=$i",
        "i=1; r=$((i += 2))$i",
        "r=; i=0; while [ $i -lt 12 ]; do r=\"$r $i\"; i=`expr $i + 1`; done",
        "r=$(expr \\( 2 + 3 \\) \\* 4)",
        "r=$(expr \"$ngx_addon_dir\" = \"$ngx_addon_dir\")",
        "r=$(if expr 1 - 1; then echo y; else echo n; fi)",

        // positional parameters and eval
        "set -- a b c; shift; r=\"$*\"",

        // a positional parameter's digits read as atoi reads them (fuzz: ${00} was read at index -1, a number past
        // int's range threw)
        "set -- a b c d e f g h i j k; r=\"${010}|${0000000000000000000000002}|${00+set}\"",
        "set -- a b; r=\"${4294967297}|${2147483649-unset}|${99999999999999999999999-unset}|${03-unset}|${02+set}\"",
        "eval 'r=\"a  b\"'",

        // field splitting follows IFS (review: `IFS=:` was ignored), "$*" joins by its first character
        "IFS=:; x=a:b; r=; for i in $x; do r=\"$r[$i]\"; done",
        "IFS=:; x='a::b:'; set -- $x; r=\"$#|$1|$2|$3\"",
        "IFS=': '; x='a  ::b : c'; set -- $x; r=\"$#|$1|$2|$3|$4\"",
        "IFS=:; x=':a'; set -- $x\"\"; r=\"$#|$1|$2|$3\"",
        "x=' a'; set -- \"\"$x; r=$#",
        "IFS=:; set -- a b; r=\"$*\"",
        "IFS=:; set -- a b; x=$*; r=$x",
        "IFS=; set -- a b; r=\"$*|$#\"",
        "IFS=; x='a b'; set -- $x; r=$#",
        "IFS=:; set -- 'a:b' c; set -- $@; r=\"$#|$1\"",
        "IFS=:; set -- '' b; set -- $*; r=\"$#|$1\"",
        "IFS=:; set -- a b c; r=\"${*}|${@}\"",
        "set -- a 'b c'; r=; for i in \"${@}\"; do r=\"$r[$i]\"; done",
        "IFS=-; x=$(echo a-b); set -- $x; r=$#",
        "IFS=:; unset IFS; x='a:b c'; set -- $x; r=\"$#|$*\"",
        "f() { local IFS=:; set -- $1; r=$#; }; f a:b:c; x='d e'; set -- $x; r=\"$r|$#\"",

        // readonly: dash stops the shell (a subshell here) at an assignment to a read-only variable, or its unset
        "r=$( (readonly FOO=1; FOO=2; echo no); echo $?)",
        "r=$( (readonly FOO=1; FOO=2 true; echo no); echo $?)",
        "r=$( (readonly FOO=1; unset FOO; echo no); echo $?)",
        "r=$( (readonly FOO; for FOO in a; do :; done; echo no); echo $?)",
        "r=$( (readonly FOO=1; export FOO=2; echo no); echo $?)",
        "r=$( (readonly FOO=; : ${FOO:=2}; echo no); echo $?)",
        "r=$( (readonly FOO=1; : $((FOO = 3)); echo no); echo $?)",
        "r=$( (readonly FOO=1; f() { FOO=2; }; f; echo no); echo $?)",
        "readonly FOO=1; export FOO; readonly FOO; unset -f FOO; r=$FOO",
        "readonly 'FOO=a b'; r=$FOO",

        // local: restored when the function returns, refused outside one; unset without -f leaves functions
        "x=1; f() { local x=2; r=$x; }; f; r=\"$r|$x\"",
        "f() { local x; x=2; }; x=1; f; r=$x",
        "x=0; f() { local x=2; unset x; }; f; r=$x",
        "f() { local R=1; readonly R; }; f; R=2; r=$R",
        "r=$( (local x=1; echo no); echo $?)",
        "f() { echo f; }; unset f; r=$(f)",
        "x=1; unset -f x; r=$x",
        "r=$(printf 'a\\n-v\\n' | grep -- -v)",

        // unset removes what the environment gave too: the name is unset from then on, not read from configure's
        // environment again; restoring a prefix assignment or a local gives back the unset name as it was
        "unset CFLAGS_EXTRA; r=${CFLAGS_EXTRA-gone}",
        "NJS_X=1; unset NJS_X; r=${NJS_X-gone}",
        "unset x; x=1 true; r=${x-gone}",
        "unset x; x=1 :; r=${x-gone}",
        "unset x; f() { local x=1; }; f; r=${x-gone}",
        "unset x; (x=1); r=${x-gone}",
        "x=1; f() { local x; unset x; }; f; r=${x-gone}",
        "x=1; f() { unset x; }; x=2 f; r=${x-gone}",
        "unset x; r=$(echo \"[$x]\")",
        "unset IFS; r=\"[$IFS]\"; x='a b'; set -- $x; r=\"$r$#\"",
    ];

    /// <summary>Snippets run where configure runs them: in nginx's source directory, which the model knows only by its auto/ scripts.</summary>
    public static TheoryData<string> InNginxSource =>
    [
        "[ -f auto/module ] && r=y || r=n",
        "[ -e auto/have ] && r=y || r=n",
        "[ -s auto/feature ] && r=y || r=n",
        "[ -d auto/module ] && r=y || r=n",
        "[ -x auto/module ] && r=y || r=n",
        "[ -h auto/module ] && r=y || r=n",
        "test -f ./auto/define && r=y || r=n",
    ];

    private const string SedVersionRead = "r=$(sed -n 's/^#define nginx_version *//p' src/core/nginx.h)";

    /// <summary>Snippets that read nginx's own files, which the model answers from the reference build.</summary>
    public static TheoryData<string> ReadingNginxFiles =>
    [
        "r=`awk '/^#define nginx_version/ {print $3}' src/core/nginx.h`",
        "r=$(awk '$2 == \"NGINX_VERSION\" { print $3; exit }' ./src/core/nginx.h)",
        "r=`cat src/core/nginx.h | grep '#define NGINX_VERSION' | sed -e 's/^.*\"\\(.*\\)\".*/\\1/'`",
        SedVersionRead,
        "v=`awk '/^#define nginx_version/ {print $3}' src/core/nginx.h`; if [ \"$v\" -ge 1009011 ]; then r=new; else r=old; fi",
    ];

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Theory]
    [MemberData(nameof(ReadingNginxFiles))]
    public void Reads_nginx_files_as_dash_does_in_nginx_source(string snippet)
    {
        ShellOracle.RequireNginxDev();
        AssertAgrees(snippet, ShellOracle.NginxSource, ReferenceBuild.Default.ReadFile);
    }

    [Fact]
    public void Reads_the_version_of_the_chosen_reference_build()
    {
        using var module = new TempModule("# config\n");
        foreach (var build in ReferenceBuild.Embedded)
        {
            var settings = new EvaluationSettings(module.Path, LinkMode.Addon, build.Globals, ReadNginxFile: build.ReadFile);
            var world = Assert.Single(Evaluator.RunAllWorlds(settings, SyntaxTree.ParseText(SedVersionRead + "\n", Path.Combine(module.Path, "config"))));
            Assert.Equal(build.Name.Split('-')[0], string.Join('.', NginxVersionParts(world.State.Variables["r"].KnownText)));
        }
    }

    [Fact]
    public void Does_not_read_nginx_files_the_reference_build_does_not_know()
    {
        using var module = new TempModule("# config\n");
        var settings = EvaluationSettings.Against(ReferenceBuild.Default, module.Path, LinkMode.Addon);
        var world = Assert.Single(Evaluator.RunAllWorlds(settings, SyntaxTree.ParseText("r=`awk '{print $1}' src/http/ngx_http.h`\n", Path.Combine(module.Path, "config"))));
        Assert.Null(world.State.Variables["r"].KnownText);
    }

    private static IEnumerable<int> NginxVersionParts(string? number)
    {
        var value = int.Parse(number!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return [value / 1_000_000, value / 1_000 % 1_000, value % 1_000];
    }

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Snippets))]
    public void Leaves_what_dash_leaves(string snippet) => AssertAgrees(snippet, directory: null);

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Theory]
    [MemberData(nameof(InNginxSource))]
    public void Leaves_what_dash_leaves_in_nginx_source(string snippet)
    {
        ShellOracle.RequireNginxDev();
        AssertAgrees(snippet, ShellOracle.NginxSource);
    }

    private static void AssertAgrees(string snippet, string? directory, Func<string, string?>? readNginxFile = null)
    {
        using var module = new TempModule("# config\n", ("VERSION", "version = 1.4\n"), ("src/x.c", "int x;\n"));
        var real = RealShell.Run($"ngx_addon_dir=$1\n{snippet}\nprintf %s \"$r\"", [module.Path], directory);
        var settings = new EvaluationSettings(module.Path, LinkMode.Addon, new Dictionary<string, string>(), ReadNginxFile: readNginxFile);
        var world = Assert.Single(Evaluator.RunAllWorlds(settings, SyntaxTree.ParseText(snippet + "\n", Path.Combine(module.Path, "config"))));
        Assert.Equal(RealShell.Show(real.StandardOutput), RealShell.Show(world.State.Variables["r"].KnownText ?? "(not known)"));
    }
}
