from coopcheck.cli import main

main()
