ngx_feature_test=$(cat << END
int i = 0;
END)
. auto/feature
