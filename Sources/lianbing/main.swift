import LianbingCLI

await Lianbing.runMain()
