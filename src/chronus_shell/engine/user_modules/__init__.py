"""User modules, the engine's part: a file's source → a Module class (`loading`), the class into the
catalogue and into running engines (`install`), and a module that hangs in `process()` bypassed
(`hang_guard`). Running untrusted code first, in a sandbox, is `supervisor/user_modules/`."""
