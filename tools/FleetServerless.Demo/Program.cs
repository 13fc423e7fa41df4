// The demo's entry point; replaced by the demo orchestration.
return 0;
