using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>The examples of CC2210; what dash does with each is checked by tests/Analyzers.Tests (BashIsmDashTests).</summary>
internal sealed partial class BashIsm
{
    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("double brackets", """
            ngx_addon_name=ngx_http_example_module
            if [|[[ -n "$EXAMPLE_PREFIX" ]]|]; then
                CFLAGS="$CFLAGS -I$EXAMPLE_PREFIX/include"
            fi

            """),
        RuleExample.Config("source and function", """
            ngx_addon_name=ngx_http_example_module
            [|source|] $ngx_addon_dir/sources.sh
            [|function|] example_add {
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/$1"
            }

            """),
        RuleExample.Config("function with parentheses", """
            ngx_addon_name=ngx_http_example_module
            [|function|] example_add() {
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/$1"
            }

            """),
        RuleExample.Config("appending with +=", """
            ngx_addon_name=ngx_http_example_module
            [|CFLAGS+=|]" -DNGX_EXAMPLE"
            [|NGX_ADDON_SRCS+=|]" $ngx_addon_dir/ngx_http_example_module.c"

            """),
        RuleExample.Config("== in test", """
            ngx_addon_name=ngx_http_example_module
            if [ "$ngx_module_link" [|==|] DYNAMIC ]; then
                echo dynamic
            fi
            test "$NGX_PLATFORM" [|==|] "Linux:5" || echo other

            """),
        RuleExample.Config("here-string, &> and ((", """
            ngx_addon_name=ngx_http_example_module
            read example_major example_minor [|<<<|] "$EXAMPLE_VERSION"
            pkg-config --exists libexample [|&>|] /dev/null && CORE_LIBS="$CORE_LIBS -lexample"
            example_count=0
            [|((|]example_count++))

            """),
        RuleExample.Config("$'...' and bash expansions", """
            ngx_addon_name=ngx_http_example_module
            example_sep=[|$'\t'|]
            example_short=[|${ngx_addon_name/ngx_http_/}|]
            example_major=[|${EXAMPLE_VERSION:0:1}|]
            example_upper=[|${example_short^^}|]

            """),
        RuleExample.Config("posix", RuleExample.MinimalConfig),
        RuleExample.Config("the POSIX spellings", """
            ngx_addon_name=ngx_http_example_module
            . $ngx_addon_dir/sources.sh
            example_add() {
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/$1"
            }
            if [ -n "$EXAMPLE_PREFIX" ] && [ "$ngx_module_link" = DYNAMIC ]; then
                CFLAGS="$CFLAGS -I$EXAMPLE_PREFIX/include"
            fi
            [ "$example_op" = "==" ] && echo equal-sign
            pkg-config --exists libexample >/dev/null 2>&1 && CORE_LIBS="$CORE_LIBS -lexample"
            example_count=$((example_count + 1))
            ( (cd "$ngx_addon_dir" && ls) )
            example_sep=$(printf '\t')
            example_base=${ngx_addon_name#ngx_http_}
            example_default=${EXAMPLE_VERSION:-1.0}
            example_dollar=\$'x'
            example_quoted="$'x'"
            cat <<END
            $example_base
            END

            """,
            new ExampleFile("sources.sh", "EXAMPLE_SRCS=ngx_http_example_module.c\n")),
    ];
}
