read widget_major widget_minor <<< "$WIDGET_VERSION"
