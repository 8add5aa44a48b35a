ngx_addon_name=ngx_http_vault_module

# version: the environment wins, then git, then a fixed default
VAULT_DEFAULT_VERSION=2.4
VAULT_VERSION=${VAULT_VERSION:-`git --git-dir=$ngx_addon_dir/.git describe 2>/dev/null`}
VAULT_VERSION=${VAULT_VERSION:-$VAULT_DEFAULT_VERSION}
VAULT_BUILD=${VAULT_BUILD:-$(date +%Y%m%d)}
VAULT_HOST="${VAULT_HOST:-`hostname`}"
VAULT_CC=${VAULT_CC:-`basename "$CC"`}
VAULT_BRACE=${VAULT_BRACE:-`echo }`}
VAULT_PAREN=${VAULT_PAREN:-$(echo })}
VAULT_QUOTED=${VAULT_QUOTED-"}"}

echo "#define NGINX_VAULT_VERSION \""$VAULT_VERSION"\"" > $NGX_OBJS/ngx_vault_version.h
