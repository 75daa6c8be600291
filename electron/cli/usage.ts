// The `valija` command line's help text: the stable contract of DESIGN.md §5.
export const USAGE = `valija — the Valija store from the command line

usage: valija [--db FILE] <command> [options]
  FILE defaults to $VALIJA_DB, else the per-user data folder

commands:
  init [--demo]                        create the store; --demo loads the demo data
  identity [--name NAME] [--post POST] show or set this device's author identity
  list <kind>                          kind: party | person | initiative | meeting | commitment | annotation
                                       (also the parts of a meeting: agendaItem | talkingPoint | participant)
  get <kind> <id>
  put <kind> [--file F]                JSON record (or array) from F or stdin; no id = create;
                                       with id = change only the fields given; prints the record(s)
  delete <kind> <id>
  restore <kind> <id>                  bring back a deleted record
  annotate <kind> <id> --text TEXT [--private] [--field FIELD]
  search <query>
  dump                                 the shared state as canonical JSON
  book <meeting-id> --out FILE.pdf [--lang es|en] [--classification LEVEL]
       [--annotations none|shared|mine] [--copy-for NAME] [--paper a4|letter] [--date YYYY-MM-DD]
                                       the briefing book; prints pages, sha256 and sections
  export --out FILE [--passphrase-env VAR] [--full]
                                       a signed package of everything shared (--full: the default, said
                                       explicitly); VAR names an environment variable holding a passphrase
  import FILE [--dry-run] [--trust] [--passphrase-env VAR]
                                       --dry-run previews (counts, conflicts) and writes nothing;
                                       --trust accepts a new signer after you checked its fingerprint
  keys [--remove FINGERPRINT]          the package signers this computer trusts
  serve [--port N]                     the app in a local browser (127.0.0.1 only); prints
                                       http://127.0.0.1:PORT/#token=TOKEN as its first line

Output is JSON on stdout. Exit 0 on success, 2 on a usage error, 1 on any other error with one line on
stderr: error[CODE]: what happened and what to do.
`;
