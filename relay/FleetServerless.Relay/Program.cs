// The relay's command line; the relay pipeline replaces this placeholder entry point.
return 0;
