/// The text of `redbook --help` and of each command's `--help`.
public enum HelpText {
    public static func text(_ topic: HelpTopic, language: Language = .current) -> String {
        language == .chinese ? chinese(topic) : english(topic)
    }

    private static func english(_ topic: HelpTopic) -> String {
        switch topic {
        case .general:
            return """
            redbook: render Markdown notebooks with runnable Swift cells into HTML pages.

            Usage:
              redbook render [options] NOTEBOOK.md|DIRECTORY ...
              redbook run --cell NUMBER|LABEL [options] NOTEBOOK.md
              redbook diff [options] NOTEBOOK.md
              redbook --help | COMMAND --help
              redbook --version

            Exit status: 0 success, 1 a notebook failed or differs, 2 usage error.
            """
        case .render:
            return """
            Usage: redbook render [options] NOTEBOOK.md|DIRECTORY ...

            Runs every swift cell of each notebook and writes OUTPUT/<name>/index.html with the
            outputs, outputs.json and figures/. A directory renders every *.md below it, with
            previous/next links between the pages. Its index.md, if any, becomes the home page
            OUTPUT/index.html and sets the reading order by the order of its links; otherwise
            OUTPUT/index.html lists the pages by path.

            A notebook given on its own belongs to the site of the nearest directory with an
            index.md, from its own directory up to the top of its Git working tree. It is written
            where rendering that directory writes it (<name> is its path below that directory),
            with the same links and previous/next links. A notebook outside any site gets
            <name> = its file name without .md.

            Options:
              -o, --output DIR        directory for the pages (default: Output)
                  --timeout S         time limit for each whole notebook, in seconds
                                      (default: the front matter's 'timeout', else 1800)
                  --output-limit N    bytes kept per output stream per cell (default: 262144)
              -f, --force             run every cell even if the stored outputs are current
              -h, --help              show this help
            """
        case .run:
            return """
            Usage: redbook run --cell NUMBER|LABEL [options] NOTEBOOK.md

            Runs the cells before the given one again to rebuild its state, then the cell itself,
            and replaces only that cell's stored output and page section. The notebook must have
            been rendered before.

            Options:
                  --cell NUMBER|LABEL one-based cell number or the cell's label
              -o, --output DIR        directory for the pages (default: Output)
                  --name NAME         output name under DIR (default: the name that
                                      'redbook render NOTEBOOK.md' uses)
                  --timeout S         time limit for the run, in seconds
                  --output-limit N    bytes kept per output stream per cell (default: 262144)
            """
        case .diff:
            return """
            Usage: redbook diff [options] NOTEBOOK.md

            Runs the notebook without writing anything and compares each cell's outputs with the
            stored ones. Numbers match when they differ by at most the tolerance times the larger
            of 1 and their magnitude. Figures match unless more than the pixel fraction of their
            pixels differ by more than the pixel tolerance in some channel. Figures of different
            sizes never match. Exit status 1 when any cell differs.

            Options:
              -o, --output DIR        directory for the pages (default: Output)
                  --name NAME         output name under DIR (default: the name that
                                      'redbook render NOTEBOOK.md' uses)
                  --tolerance T       relative tolerance for numbers (default: 1e-6)
                  --pixel-tolerance L channel levels, 0 to 255, by which a pixel may differ
                                      without counting as changed (default: 16)
                  --pixel-fraction F  fraction of pixels, 0 to 1, that may change before a
                                      figure differs (default: 0.001)
                  --timeout S         time limit for the run, in seconds
                  --output-limit N    bytes kept per output stream per cell (default: 262144)
            """
        }
    }

    private static func chinese(_ topic: HelpTopic) -> String {
        switch topic {
        case .general:
            return """
            redbook：把含可运行 Swift 单元的 Markdown 笔记本渲染为 HTML 页面。

            用法：
              redbook render [选项] 笔记本.md|目录 ...
              redbook run --cell 编号|标签 [选项] 笔记本.md
              redbook diff [选项] 笔记本.md
              redbook --help | 命令 --help
              redbook --version

            退出状态：0 成功，1 有笔记本失败或输出不同，2 用法错误。
            """
        case .render:
            return """
            用法：redbook render [选项] 笔记本.md|目录 ...

            运行每个笔记本的全部 swift 单元，写出 输出目录/<名称>/index.html、outputs.json 和
            figures/。给出目录时渲染其下所有 *.md，页面之间带有“上一篇/下一篇”链接。目录顶层若有
            index.md，它就成为首页 输出目录/index.html，其中链接的先后即阅读顺序；否则
            输出目录/index.html 按路径列出所有页面。

            单独给出的笔记本属于离它最近、含有 index.md 的目录所构成的站点（从笔记本所在目录向上
            查找，最多到 Git 工作区的顶层）。它写到渲染该目录时的同一位置（<名称> 为它相对该目录
            的路径），链接和“上一篇/下一篇”也相同。不属于任何站点的笔记本，<名称> 为去掉 .md
            的文件名。

            选项：
              -o, --output 目录       页面的输出目录（默认：Output）
                  --timeout 秒数      每个笔记本整体的时间上限，单位秒
                                      （默认：前置元数据中的 'timeout'，否则 1800）
                  --output-limit 字节 每个单元每个输出流保留的字节数（默认：262144）
              -f, --force             即使已存的输出仍有效，也重新运行所有单元
              -h, --help              显示本帮助
            """
        case .run:
            return """
            用法：redbook run --cell 编号|标签 [选项] 笔记本.md

            重新运行指定单元之前的单元以恢复状态，再运行该单元，只替换它已存的输出和页面中的
            对应部分。笔记本须已渲染过。

            选项：
                  --cell 编号|标签    从 1 开始的单元编号或单元标签
              -o, --output 目录       页面的输出目录（默认：Output）
                  --name 名称         输出目录下的名称（默认：与
                                      'redbook render 笔记本.md' 所用的名称相同）
                  --timeout 秒数      本次运行的时间上限，单位秒
                  --output-limit 字节 每个单元每个输出流保留的字节数（默认：262144）
            """
        case .diff:
            return """
            用法：redbook diff [选项] 笔记本.md

            运行笔记本但不写任何文件，把每个单元的输出与已存的输出比较。两个数之差不超过
            容差乘以 1 与其绝对值中的较大者时视为相同。图像逐像素比较：某个通道之差超过像素容差
            的像素算作变化，变化的像素超过像素比例时图像视为不同；尺寸不同的图像总是不同。
            有单元不同时退出状态为 1。

            选项：
              -o, --output 目录       页面的输出目录（默认：Output）
                  --name 名称         输出目录下的名称（默认：与
                                      'redbook render 笔记本.md' 所用的名称相同）
                  --tolerance 容差    数值的相对容差（默认：1e-6）
                  --pixel-tolerance 级数
                                      像素每个通道允许相差的级数，0 到 255（默认：16）
                  --pixel-fraction 比例
                                      允许变化的像素比例，0 到 1（默认：0.001）
                  --timeout 秒数      本次运行的时间上限，单位秒
                  --output-limit 字节 每个单元每个输出流保留的字节数（默认：262144）
            """
        }
    }
}
