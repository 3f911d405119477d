from castdoc.cli import main

main()
