# <<- strips leading tabs (not spaces) from the body and the terminator
if [ $ngx_found = no ]; then
	cat <<-END
		$0: error: the gauge module requires libgauge.
		Set GAUGE_INC and GAUGE_LIB, then run configure again.
	END
	exit 1
fi

cat <<- EOF >> "$NGX_AUTO_CONFIG_H"
	#ifndef NGX_HAVE_GAUGE
	#define NGX_HAVE_GAUGE  1
	#endif
EOF

cat <<-EOF
    four spaces are not stripped
	EOF
