function widget_trim {
    sed -e '/./,$!d'
}
