// The simulator's command line; the simulator replaces this placeholder entry point.
return 0;
