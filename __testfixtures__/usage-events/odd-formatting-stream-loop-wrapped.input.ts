import express    from 'express'
import OpenAI from "openai"

const router = express.Router()
const openai = new OpenAI( )

router.post('/stream', async (req: express.Request & { user?: { id: string } }, res) => {
    if (!req.user) return res.status( 401 ).end()
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true,
        messages: [ { role: 'user', content: String( req.body.prompt ) } ] })
    for await (const chunk of stream) { res.write(chunk.choices[0]?.delta?.content ?? "") ;
        // keep going
    }
    res.end()
})

export default router
